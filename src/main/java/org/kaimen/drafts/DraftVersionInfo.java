package org.kaimen.drafts;

import java.time.OffsetDateTime;

/** One version of a draft (征求意见稿, 修改稿, 二审稿 …) with its explanation (起草说明/修改说明). */
public record DraftVersionInfo(long id, int number, String label, String title, String preamble, String explanation,
                               OffsetDateTime publishedAt, DraftCounts counts) {
}
