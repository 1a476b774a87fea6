package org.kaimen.analysis.evaluation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationSetGeneratorTest {

    /** Set to rewrite the committed JSONL from the generator instead of checking it. */
    private static final String REGENERATE = "kaimen.evaluation.regenerate";

    @Test
    void committedDataSetIsExactlyWhatTheGeneratorWrites() throws IOException {
        String generated = EvaluationSetGenerator.toJsonl(EvaluationSetGenerator.generate(EvaluationSetGenerator.SEED));
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(EvaluationSetGenerator.DEFAULT_OUTPUT, generated, StandardCharsets.UTF_8);
            System.out.println("regenerated " + EvaluationSetGenerator.DEFAULT_OUTPUT.toAbsolutePath());
            return;
        }
        String committed;
        try (InputStream in = EvaluationSet.class.getResourceAsStream(EvaluationSet.RESOURCE)) {
            assertThat(in).as("data set on the classpath").isNotNull();
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // A mismatch means the blocks or the generator changed without regenerating the artefact
        // (mvn test -Dkaimen.evaluation.regenerate=true), or the artefact was edited by hand.
        assertThat(generated).isEqualTo(committed);
    }

    @Test
    void generationIsDeterministic() {
        List<LabelledComment> first = EvaluationSetGenerator.generate(42);
        List<LabelledComment> second = EvaluationSetGenerator.generate(42);
        assertThat(first).isEqualTo(second);
        assertThat(EvaluationSetGenerator.generate(43)).isNotEqualTo(first);
    }

    @Test
    void chineseArticleNumbers() {
        assertThat(EvaluationSetGenerator.chineseNumber(1)).isEqualTo("一");
        assertThat(EvaluationSetGenerator.chineseNumber(10)).isEqualTo("十");
        assertThat(EvaluationSetGenerator.chineseNumber(17)).isEqualTo("十七");
        assertThat(EvaluationSetGenerator.chineseNumber(40)).isEqualTo("四十");
        assertThat(EvaluationSetGenerator.chineseNumber(59)).isEqualTo("五十九");
    }
}
