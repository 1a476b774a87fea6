package org.kaimen.analysis;

import java.util.List;

/** One member of a campaign with what it adds beyond the template, as [start, end) spans of its text. */
public record CampaignMember(long commentId, String text, List<int[]> additions) {
}
