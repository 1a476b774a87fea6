package org.kaimen.experts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.kaimen.experts.Sector;

class ExpertDrawProperties {

    private static final List<String> FIELDS = List.of("law", "urban-construction", "property-management",
            "finance-economics", "sociology");

    @Property(tries = 300)
    void theSameSeedAndCandidatesGiveTheSamePicksWhateverTheirOrder(@ForAll long seed, @ForAll long poolSeed,
                                                                       @ForAll @IntRange(min = 0, max = 40) int size,
                                                                       @ForAll @IntRange(min = 1, max = 12) int wanted) {
        List<ExpertDraw.Candidate> pool = pool(poolSeed, size);
        List<ExpertDraw.Candidate> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, new Random(poolSeed ^ 7));

        List<Long> picks = ExpertDraw.pick(pool, List.of("law", "sociology"), wanted, seed);

        assertThat(ExpertDraw.pick(shuffled, List.of("sociology", "law"), wanted, seed)).isEqualTo(picks);
        assertThat(picks).hasSize(Math.min(wanted, size)).doesNotHaveDuplicates();
        assertThat(pool.stream().map(ExpertDraw.Candidate::id).toList()).containsAll(picks);
    }

    @Property(tries = 300)
    void onlyCandidatesAreEverPickedSoAnExcludedExpertNeverIs(@ForAll long seed, @ForAll long poolSeed,
                                                             @ForAll @IntRange(min = 1, max = 30) int size) {
        List<ExpertDraw.Candidate> pool = pool(poolSeed, size);
        // What eligibility filtering removes (conflicted, out of term …) is simply not among the candidates.
        long excluded = pool.get(0).id();
        List<ExpertDraw.Candidate> eligible = pool.stream().filter(c -> c.id() != excluded).toList();

        assertThat(ExpertDraw.pick(eligible, FIELDS, size, seed)).doesNotContain(excluded);
    }

    @Property(tries = 200)
    void picksSpreadOverSectorsBeforeAnySectorGetsASecondSeat(@ForAll long seed, @ForAll long poolSeed) {
        List<ExpertDraw.Candidate> pool = pool(poolSeed, 30);
        int sectors = (int) pool.stream().map(ExpertDraw.Candidate::sector).distinct().count();

        List<Long> picks = ExpertDraw.pick(pool, List.of(), sectors, seed);

        Map<Long, Sector> sectorOf = pool.stream().collect(Collectors.toMap(ExpertDraw.Candidate::id,
                ExpertDraw.Candidate::sector));
        assertThat(picks.stream().map(sectorOf::get).collect(Collectors.toSet())).hasSize(sectors);
    }

    @Test
    void theNeverInvitedComeBeforeThoseInvitedLately() {
        OffsetDateTime lately = OffsetDateTime.of(2026, 5, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        List<ExpertDraw.Candidate> pool = List.of(
                new ExpertDraw.Candidate(1, Sector.ACADEMIA, List.of("law"), lately),
                new ExpertDraw.Candidate(2, Sector.ACADEMIA, List.of("law"), null),
                new ExpertDraw.Candidate(3, Sector.ACADEMIA, List.of("law"), lately.minusYears(1)));

        assertThat(ExpertDraw.pick(pool, List.of("law"), 3, 99)).containsExactly(2L, 3L, 1L);
    }

    @Test
    void everyRequestedFieldIsCoveredWhenThePanelIsLargeEnough() {
        List<ExpertDraw.Candidate> pool = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            pool.add(new ExpertDraw.Candidate(i, Sector.ACADEMIA, List.of(i == 17 ? "language" : "law"), null));
        }

        assertThat(ExpertDraw.pick(pool, List.of("law", "language"), 2, 5)).contains(17L);
    }

    private static List<ExpertDraw.Candidate> pool(long seed, int size) {
        Random r = new Random(seed);
        List<ExpertDraw.Candidate> pool = new ArrayList<>();
        HashSet<Long> ids = new HashSet<>();
        while (pool.size() < size) {
            long id = 1 + r.nextInt(10_000);
            if (!ids.add(id)) {
                continue;
            }
            List<String> fields = new ArrayList<>(FIELDS.subList(r.nextInt(FIELDS.size()), FIELDS.size()));
            OffsetDateTime last = r.nextBoolean() ? null
                    : OffsetDateTime.of(2025, 1 + r.nextInt(12), 1, 0, 0, 0, 0, ZoneOffset.UTC);
            pool.add(new ExpertDraw.Candidate(id, Sector.values()[r.nextInt(Sector.values().length)], fields, last));
        }
        return pool;
    }
}
