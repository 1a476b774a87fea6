package org.kaimen.experts.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.kaimen.experts.Sector;

/**
 * The draw itself, a pure function of its inputs so anyone can recompute it from the record.
 *
 * <p>Candidates (already eligible) are put in a fixed order: by id, shuffled by {@link Random} with the recorded
 * seed (its algorithm is specified by the JDK, so the order is the same on every Java), then stably sorted by when
 * each was last invited, never-invited first: rotation comes before chance. Picks then go one at a time to the first
 * candidate in that order who covers a requested field nobody picked covers yet, and among those, whose sector has
 * the fewest picks so far, so the panel spreads over fields and over differing views.
 */
public final class ExpertDraw {

    public record Candidate(long id, Sector sector, List<String> fields, OffsetDateTime lastInvitedAt) {
    }

    private ExpertDraw() {
    }

    public static List<Long> pick(Collection<Candidate> eligible, Collection<String> wantedFields, int wanted,
                                  long seed) {
        List<Candidate> order = order(eligible, seed);
        Set<String> uncovered = new HashSet<>(wantedFields);
        Map<Sector, Integer> perSector = new HashMap<>();
        List<Long> picked = new ArrayList<>();
        while (picked.size() < wanted && !order.isEmpty()) {
            List<Candidate> pool = order.stream().filter(c -> c.fields().stream().anyMatch(uncovered::contains))
                    .toList();
            if (pool.isEmpty()) {
                pool = order;
            }
            int fewest = pool.stream().mapToInt(c -> perSector.getOrDefault(c.sector(), 0)).min().orElse(0);
            Candidate next = pool.stream().filter(c -> perSector.getOrDefault(c.sector(), 0) == fewest)
                    .findFirst().orElseThrow();
            picked.add(next.id());
            order.remove(next);
            perSector.merge(next.sector(), 1, Integer::sum);
            next.fields().forEach(uncovered::remove);
        }
        return picked;
    }

    static List<Candidate> order(Collection<Candidate> eligible, long seed) {
        List<Candidate> order = new ArrayList<>(eligible);
        order.sort(Comparator.comparingLong(Candidate::id));
        java.util.Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparing(Candidate::lastInvitedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return order;
    }
}
