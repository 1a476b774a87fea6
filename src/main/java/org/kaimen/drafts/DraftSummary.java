package org.kaimen.drafts;

import java.time.OffsetDateTime;

/** A draft as lists and other modules see it. {@code daysLeft} is null unless the draft is open. */
public record DraftSummary(long id, String title, String summary, String draftingDepartment, DraftState state,
                           OffsetDateTime opensAt, OffsetDateTime closesAt, Long daysLeft, int currentVersion,
                           boolean allowAnonymous, boolean showComments) {
}
