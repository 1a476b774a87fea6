package org.kaimen.hearings;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 听证报告 (第二十八条): (一) the basic facts; (二) each speaker's views with the facts and reasons, grouped by matter
 * and stance; (三) the proposed handling of each matter. Speakers appear by number, sector and district, not by name.
 */
public record HearingReport(long hearingId, long draftId, String draftTitle, String title, OffsetDateTime startsAt,
                            String place, List<Hearer> hearers, int speakerRegistrations, int observerRegistrations,
                            int speakers, int observers, String facts, List<MatterViews> matters,
                            OffsetDateTime publishedAt) {

    public record MatterViews(Matter matter, List<View> forViews, List<View> againstViews, List<View> otherViews) {
    }

    public record View(int number, String sector, String district, String text, String reasons) {
    }
}
