package org.kaimen.analysis.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CharacterTrigramsTest {

    @Test
    void ignoresPunctuationAndWhitespace() {
        assertThat(CharacterTrigrams.of("物业费，太高！")).containsExactlyInAnyOrder("物业费", "业费太", "费太高");
        assertThat(CharacterTrigrams.jaccard("物业费太高", "物业费, 太高。")).isEqualTo(1.0);
    }

    @Test
    void jaccardOfPartlyOverlappingTexts() {
        // {abc, bcd} vs {bcd, cde}: one shared trigram of three.
        assertThat(CharacterTrigrams.jaccard("abcd", "bcde")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(CharacterTrigrams.jaccard("abc", "xyz")).isZero();
    }

    @Test
    void veryShortTextsStillCompareEqualToThemselves() {
        assertThat(CharacterTrigrams.jaccard("支持", "支持")).isEqualTo(1.0);
        assertThat(CharacterTrigrams.jaccard("支持", "反对")).isZero();
    }
}
