package org.kaimen.analysis.internal.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = TextNormalizer.standard();

    @Test
    void fullWidthBecomesHalfWidthAndLowerCase() {
        assertThat(normalizer.normalize("ＡＢＣ小区１２３号Ｆ座")).isEqualTo("abc小区123号f座");
    }

    @Test
    void whitespacePunctuationEmojiAndZeroWidthCharactersAreDropped() {
        assertThat(normalizer.normalize(" 房价\u200B太高了，\u3000真的！！😡🙏  \"OK\"…（完）\uFEFF"))
                .isEqualTo("房价太高了真的ok完");
    }

    @Test
    void hanLettersDigitsAndChineseNumeralsAreKept() {
        assertThat(normalizer.normalize("二〇二四年第3季度")).isEqualTo("二〇二四年第3季度");
    }

    @Test
    void mailMergeSynonymsMapToOneCanonicalForm() {
        assertThat(normalizer.normalize("业委会")).isEqualTo("业主委员会");
        assertThat(normalizer.normalize("物业公司")).isEqualTo(normalizer.normalize("物业服务企业"));
        assertThat(normalizer.normalize("物业服务人")).isEqualTo("物业服务企业");
        assertThat(normalizer.normalize("维修基金")).isEqualTo("维修资金");
        assertThat(normalizer.normalize("物业费")).isEqualTo("物业服务费");
    }

    @Test
    void canonicalTermsAreNotRewrittenInsideThemselves() {
        assertThat(normalizer.normalize("停车位")).isEqualTo("停车位");
        assertThat(normalizer.normalize("车位")).isEqualTo("停车位");
        assertThat(normalizer.normalize("业主委员会")).isEqualTo("业主委员会");
    }

    @Test
    void synonymsMatchAcrossPunctuationAndSpacing() {
        assertThat(normalizer.normalize("业 委 会，物业-公司")).isEqualTo("业主委员会物业服务企业");
    }

    @Test
    void callersCanAddSynonymsAndChainsResolve() {
        TextNormalizer custom = new TextNormalizer(Map.of("物管费", "物业费", "小区管家", "物业服务企业"));

        assertThat(custom.normalize("物管费")).isEqualTo("物业服务费");
        assertThat(custom.normalize("小区管家")).isEqualTo("物业服务企业");
        assertThat(custom.normalize("业委会")).isEqualTo("业主委员会");
    }

    @Test
    void theBuiltInTableCanBeReplaced() {
        TextNormalizer bare = TextNormalizer.withOnlySynonyms(Map.of());

        assertThat(bare.normalize("业委会")).isEqualTo("业委会");
    }

    @Test
    void offsetsPointBackToTheOriginalCharacters() {
        String original = "王阿姨：业委会 Ａ１";
        NormalizedText n = normalizer.normalizeWithOffsets(original);

        assertThat(n.text()).isEqualTo("王阿姨业主委员会a1");
        assertThat(original.substring(n.originalStart(2), n.originalEnd(2))).isEqualTo("姨");
        // Every canonical character of a replaced synonym spans the whole original variant.
        assertThat(original.substring(n.originalStart(3), n.originalEnd(7))).isEqualTo("业委会");
        assertThat(original.substring(n.originalStart(8), n.originalEnd(9))).isEqualTo("Ａ１");
    }

    @Test
    void supplementaryHanCharactersSurviveWithCorrectOffsets() {
        String original = "𠀀，𠀁";
        NormalizedText n = normalizer.normalizeWithOffsets(original);

        assertThat(n.text()).isEqualTo("𠀀𠀁");
        assertThat(original.substring(n.originalStart(2), n.originalEnd(3))).isEqualTo("𠀁");
    }
}
