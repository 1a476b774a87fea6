package org.kaimen.experts;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recorded draw: the seed and the eligible candidates as they were, so {@link ConsultationService#recompute}
 * gives the same picks from the record alone.
 */
public record Draw(long id, long consultationId, int round, long seed, int wanted, List<Long> candidates,
                   List<Long> picked, String reason, OffsetDateTime at) {
}
