package org.kaimen.experts;

import java.time.LocalDate;
import java.util.List;

/** An expert in the registry, with contact details: staff only, every read of a list is audited. */
public record Expert(long id, String name, String title, String organisation, Sector sector, String biography,
                     String email, String phone, String locale, ExpertStatus status, LocalDate noticeEndsOn,
                     LocalDate termStart, LocalDate termEnd, boolean committeeMember, List<String> fields,
                     List<Interest> interests) {

    public boolean inTerm(LocalDate day) {
        return termStart != null && termEnd != null && !day.isBefore(termStart) && !day.isAfter(termEnd);
    }
}
