package org.kaimen.experts;

import java.time.LocalDate;
import java.util.List;

/** A candidate under public notice, as anyone may see it: no contact details. */
public record NoticedCandidate(String name, String title, String organisation, List<String> fields,
                               LocalDate noticeEndsOn) {
}
