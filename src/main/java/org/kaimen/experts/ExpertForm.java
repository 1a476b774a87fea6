package org.kaimen.experts;

import java.time.LocalDate;
import java.util.List;

/** What a clerk enters or imports for an expert; a missing term end means five years from the start. */
public record ExpertForm(String name, String title, String organisation, Sector sector, String biography,
                         String email, String phone, String locale, LocalDate termStart, LocalDate termEnd,
                         boolean committeeMember, List<String> fields, List<Interest> interests) {
}
