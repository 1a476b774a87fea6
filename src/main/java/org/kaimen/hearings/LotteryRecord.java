package org.kaimen.hearings;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything needed to recompute the lottery: the seed (announced before the draw), the input list by registration
 * number (no names) and the result. {@code invited} are the experts the hearing body invited outside the lottery
 * (第十二条); their seats are not drawn.
 */
public record LotteryRecord(long hearingId, String seed, OffsetDateTime seedAnnouncedAt, int seats,
                            List<SpeakerLottery.Candidate> candidates, List<Integer> invited,
                            SpeakerLottery.Draw result, OffsetDateTime drawnAt) {
}
