package org.kaimen.analysis.internal.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MinHasherTest {

    private final MinHasher hasher = new MinHasher();
    private final TextNormalizer normalizer = TextNormalizer.standard();

    @Test
    void signaturesAreDeterministicAcrossInstances() {
        String text = normalizer.normalize(SyntheticComments.CAMPAIGN_A);

        assertThat(new MinHasher().signature(text)).isEqualTo(hasher.signature(text)).hasSize(128);
    }

    @Test
    void estimateOfATextWithItselfIsOne() {
        long[] sig = hasher.signature(normalizer.normalize(SyntheticComments.CAMPAIGN_D));

        assertThat(MinHasher.estimate(sig, sig)).isEqualTo(1.0);
    }

    @Test
    void estimateTracksTheExactJaccardSimilarity() {
        Random r = new Random(11);
        double worst = 0;
        double sumError = 0;
        int pairs = 0;
        for (int i = 0; i < 300; i++) {
            String a = normalizer.normalize(SyntheticComments.genuine(r));
            // Mix near copies, partial overlaps and unrelated texts so the whole range is covered.
            String b = switch (i % 3) {
                case 0 -> a.substring(0, a.length() / 2) + normalizer.normalize(SyntheticComments.genuine(r));
                case 1 -> "王阿姨" + a + "谢谢";
                default -> normalizer.normalize(SyntheticComments.genuine(r));
            };
            double exact = MinHasher.jaccard(hasher.shingleHashes(a), hasher.shingleHashes(b));
            double estimate = MinHasher.estimate(hasher.signature(a), hasher.signature(b));
            worst = Math.max(worst, Math.abs(exact - estimate));
            sumError += Math.abs(exact - estimate);
            pairs++;
        }
        System.out.printf("MinHash estimate vs exact Jaccard: mean |error|=%.4f, max |error|=%.4f over %d pairs%n",
                sumError / pairs, worst, pairs);
        assertThat(sumError / pairs).isLessThan(0.04);
        assertThat(worst).isLessThan(0.16);
    }

    @Test
    void shingleCountAndSizeAreConfigurable() {
        MinHasher custom = new MinHasher(2, 64);

        assertThat(custom.signature("物业服务企业应当公开收费标准")).hasSize(64);
        assertThat(custom.shingleHashes("物业服务企业")).hasSize(5);
        assertThat(hasher.shingleHashes("物业服务企业")).hasSize(4);
    }

    @Test
    void textsShorterThanKPlusTwoAreOneShingle() {
        assertThat(hasher.shingleHashes("同意")).hasSize(1);
        assertThat(hasher.shingleHashes("同意草案")).hasSize(1);
        assertThat(hasher.shingleHashes("完全同意草案")).hasSize(4);
        assertThat(MinHasher.estimate(hasher.signature("同意草案"), hasher.signature("同意草稿"))).isEqualTo(0.0);
    }

    @Test
    void exactJaccardCountsSharedShingles() {
        long[] a = hasher.shingleHashes("abcdef");
        long[] b = hasher.shingleHashes("abcdxy");

        // abc bcd cde def vs abc bcd cdx dxy → 2 shared of 6 distinct.
        assertThat(MinHasher.jaccard(a, b)).isCloseTo(2.0 / 6, within(1e-9));
    }
}
