package org.kaimen.drafts.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.drafts.internal.versioning.DiffAssertions.after;
import static org.kaimen.drafts.internal.versioning.DiffAssertions.before;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CharDiffProperties {

    /**
     * A small alphabet makes long common subsequences (and so interesting diffs) likely. It mixes
     * CJK, the function characters the cleanup is about, punctuation that drives boundary scoring,
     * ASCII, HTML metacharacters, and supplementary characters that share high surrogates.
     */
    private static final List<Integer> ALPHABET = List.of(
            (int) '的', (int) '和', (int) '、', (int) '物', (int) '业', (int) '服', (int) '务', (int) '企', (int) '人',
            (int) '，', (int) '。', (int) '（', (int) '）', (int) 'a', (int) 'b', (int) ' ', (int) '\n', (int) '<',
            0x1F44D, 0x1F44E, 0x1F600, 0x20000, 0x20001);

    private final CharDiff charDiff = new CharDiff();

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(ALPHABET).list().ofMaxSize(60).map(CharDiffProperties::fromCodePoints);
    }

    @Property
    void diffReconstructsBothTexts(@ForAll("texts") String a, @ForAll("texts") String b) {
        List<DiffOp> ops = charDiff.diff(a, b);
        assertThat(before(ops)).isEqualTo(a);
        assertThat(after(ops)).isEqualTo(b);
    }

    @Property
    void diffReconstructsArbitraryUtf16(@ForAll String a, @ForAll String b) {
        List<DiffOp> ops = charDiff.diff(a, b);
        assertThat(before(ops)).isEqualTo(a);
        assertThat(after(ops)).isEqualTo(b);
    }

    @Property
    void diffOfAnEditedTextReconstructsBothTexts(@ForAll("texts") String base, @ForAll("texts") String insertion,
                                                 @ForAll @IntRange(max = 60) int at, @ForAll @IntRange(max = 10) int cut) {
        int[] cps = base.codePoints().toArray();
        int position = Math.min(at, cps.length);
        int end = Math.min(cps.length, position + cut);
        String edited = fromCodePoints(cps, 0, position) + insertion + fromCodePoints(cps, end, cps.length);
        List<DiffOp> ops = charDiff.diff(base, edited);
        assertThat(before(ops)).isEqualTo(base);
        assertThat(after(ops)).isEqualTo(edited);
    }

    @Property
    void rawDiffKeepsALongestCommonSubsequence(@ForAll("texts") String a, @ForAll("texts") String b) {
        int kept = charDiff.rawDiff(a, b).stream()
                .filter(op -> op.kind() == DiffOp.Kind.EQUAL)
                .mapToInt(op -> op.text().codePointCount(0, op.text().length()))
                .sum();
        assertThat(kept).isEqualTo(lcsLength(a.codePoints().toArray(), b.codePoints().toArray()));
    }

    @Property
    void budgetFallbackStillReconstructsBothTexts(@ForAll("texts") String a, @ForAll("texts") String b,
                                                 @ForAll @IntRange(max = 300) int budget) {
        List<DiffOp> ops = new CharDiff(budget).diff(a, b);
        assertThat(before(ops)).isEqualTo(a);
        assertThat(after(ops)).isEqualTo(b);
    }

    @Property
    void opsNeverSplitSurrogatePairs(@ForAll("texts") String a, @ForAll("texts") String b) {
        assertThat(DiffAssertions.splitsASurrogatePair(charDiff.diff(a, b))).isFalse();
        assertThat(DiffAssertions.splitsASurrogatePair(charDiff.rawDiff(a, b))).isFalse();
    }

    @Property
    void opsAreCanonical(@ForAll("texts") String a, @ForAll("texts") String b) {
        assertThat(DiffAssertions.isCanonical(charDiff.diff(a, b))).isTrue();
        assertThat(DiffAssertions.isCanonical(charDiff.rawDiff(a, b))).isTrue();
    }

    @Provide
    Arbitrary<List<DiffOp>> scripts() {
        return Combinators.combine(Arbitraries.of(DiffOp.Kind.class), texts())
                .as(DiffOp::new)
                .list()
                .ofMaxSize(15);
    }

    /** Cleanup is also correct for scripts Myers would never produce (unmerged, insert-first). */
    @Property
    void cleanupPreservesBothTextsOfAnyScript(@ForAll("scripts") List<DiffOp> script) {
        List<DiffOp> cleaned = DiffCleanup.semantic(script);
        assertThat(before(cleaned)).isEqualTo(before(script));
        assertThat(after(cleaned)).isEqualTo(after(script));
        assertThat(DiffAssertions.isCanonical(cleaned)).isTrue();
    }

    @Property
    void similarityIsAFraction(@ForAll("texts") String a, @ForAll("texts") String b) {
        assertThat(charDiff.similarity(a, b)).isBetween(0.0, 1.0);
        assertThat(charDiff.similarity(a, a)).isEqualTo(1.0);
    }

    @Property
    void similarityIsSymmetric(@ForAll("texts") String a, @ForAll("texts") String b) {
        assertThat(charDiff.similarity(a, b)).isEqualTo(charDiff.similarity(b, a));
    }

    private static int lcsLength(int[] a, int[] b) {
        int[][] table = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        return table[a.length][b.length];
    }

    private static String fromCodePoints(List<Integer> cps) {
        return fromCodePoints(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size());
    }

    private static String fromCodePoints(int[] cps, int from, int to) {
        return new String(cps, from, to - from);
    }
}
