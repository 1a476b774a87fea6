package org.kaimen.analysis.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FacetSampleTest {

    @Test
    void consecutiveCommentIdsSpreadEvenlyOverTheSlices() {
        int[] counts = new int[FacetSample.BUCKETS];
        for (long id = 1_000_000; id < 1_064_000; id++) {
            int slice = FacetSample.of(id);
            assertThat(slice).isBetween(0, FacetSample.BUCKETS - 1);
            counts[slice]++;
        }
        // 1,000 ids per slice on average; a fixed mix of the id lands within a few percent of it.
        for (int c : counts) {
            assertThat(c).isBetween(900, 1100);
        }
    }

    @Test
    void anyRunOfIdsFillsTheFirstSlicesInProportion() {
        // A search of a large draft counts the slices below 2 of 64: that must be about 1/32 of any id range.
        long inSample = java.util.stream.LongStream.range(5_000_000, 5_032_000)
                .filter(id -> FacetSample.of(id) < 2).count();
        assertThat(inSample).isBetween(900L, 1100L);
    }
}
