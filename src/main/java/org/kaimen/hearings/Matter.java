package org.kaimen.hearings;

import java.util.List;

/** A matter in dispute (听证事项) with the provisions it concerns and, later, the proposed handling. */
public record Matter(long id, int position, String title, List<Long> provisionIds, List<String> provisionLabels,
                     String handling) {
}
