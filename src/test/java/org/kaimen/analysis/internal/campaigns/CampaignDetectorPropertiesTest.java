package org.kaimen.analysis.internal.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CampaignDetectorPropertiesTest {

    private static final MinHasher HASHER = new MinHasher();

    @Property(tries = 300)
    void addNeverThrowsForArbitraryStrings(@ForAll @Size(max = 8) List<@StringLength(max = 300) String> texts) {
        CampaignDetector detector = new CampaignDetector(CampaignDetector.Config.defaults().withMinSize(2));
        long id = 0;
        for (String text : texts) {
            CampaignDetector.Assignment a = detector.add(id, text, id % 2 == 0 ? "same" : null);
            assertThat(a.commentId()).isEqualTo(id);
            id++;
        }
        // Each text again: every one is now an exact repeat of something.
        for (String text : texts) {
            detector.add(id++, text, "same");
        }
        assertThat(detector.campaigns()).allSatisfy(c -> assertThat(c.size()).isGreaterThanOrEqualTo(2));
    }

    @Property(tries = 200)
    void addNeverThrowsForChineseEmojiAndControlCharacterSoup(@ForAll("soup") List<String> texts) {
        CampaignDetector detector = new CampaignDetector();
        for (int i = 0; i < texts.size(); i++) {
            detector.add(i, texts.get(i), "author" + (i % 3));
        }
        for (int i = 0; i < texts.size(); i += 2) {
            assertThat(detector.remove(i)).isTrue();
        }
        int members = detector.campaigns().stream().mapToInt(CampaignDetector.Campaign::size).sum();
        assertThat(members).isLessThanOrEqualTo(detector.size());
    }

    @Property(tries = 20)
    void addNeverThrowsForVeryLongTexts(@ForAll("longText") String text) {
        CampaignDetector detector = new CampaignDetector();

        detector.add(1, text, "a");
        detector.add(2, text, "a");

        assertThat(detector.add(3, text, "a").exactRepeatBySameAuthor()).isEqualTo(!TextNormalizer.standard().normalize(text).isEmpty());
    }

    @Property(tries = 300)
    void signatureEstimateOfATextWithItselfIsOne(@ForAll("soup1") String text) {
        String normalized = TextNormalizer.standard().normalize(text);
        long[] signature = HASHER.signature(normalized);

        assertThat(MinHasher.estimate(signature, HASHER.signature(normalized))).isEqualTo(1.0);
    }

    @Property(tries = 200)
    void templateAdditionsAreOrderedSpansInsideTheMember(@ForAll("soup1") String template, @ForAll("soup1") String member) {
        List<TemplateDiff.Span> spans = new TemplateDiff().additions(template, member);

        int previousEnd = -1;
        for (TemplateDiff.Span span : spans) {
            assertThat(span.start()).isGreaterThan(previousEnd);
            assertThat(span.end()).isGreaterThan(span.start()).isLessThanOrEqualTo(member.length());
            previousEnd = span.end();
        }
    }

    @Property(tries = 100)
    void removingEveryCommentLeavesNoCampaign(@ForAll("soup") List<String> texts) {
        CampaignDetector detector = new CampaignDetector(CampaignDetector.Config.defaults().withMinSize(2));
        for (int i = 0; i < texts.size(); i++) {
            detector.add(i, texts.get(i), null);
        }
        for (int i = texts.size() - 1; i >= 0; i--) {
            detector.remove(i);
        }
        assertThat(detector.campaigns()).isEmpty();
        assertThat(detector.size()).isZero();
    }

    @Provide
    Arbitrary<List<String>> soup() {
        return soup1().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> soup1() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("业委会", "业主委员会", "物业费", "物业服务费", "车位", "停车位", "，", "。", "！", " ",
                        "\u200B", "\uFEFF", "😡", "👍🏻", "👨‍👩‍👧", "ＡＢＣ", "１２３", "〇", "𠀀", "\n", "\t", "ﬁ", "é"),
                Arbitraries.strings().withCharRange('\u4e00', '\u4e80').ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().all().ofMaxLength(4),
                Arbitraries.of(SyntheticComments.CAMPAIGN_A, SyntheticComments.CAMPAIGN_C));
        return pieces.list().ofMaxSize(10).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> longText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMinLength(10_000).ofMaxLength(50_000),
                Arbitraries.strings().all().ofMinLength(10_000).ofMaxLength(30_000),
                Arbitraries.strings().withChars("😡👍，。 ").ofMinLength(10_000).ofMaxLength(20_000));
    }
}
