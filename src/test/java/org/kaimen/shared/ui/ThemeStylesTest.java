package org.kaimen.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The theme is one hand-edited CSS file that every module appends to. A rule left open swallows everything after
 * it without any error (browsers read the rest as nested rules): the feedback desk and report styles were lost so.
 */
class ThemeStylesTest {

    @Test
    void everyRuleOfTheThemeIsClosed() throws IOException {
        // Comments become blank lines of the same count, so the line numbers below are the file's.
        String css = java.util.regex.Pattern.compile("(?s)/\\*.*?\\*/")
                .matcher(Files.readString(Path.of("frontend/themes/kaimen/styles.css")))
                .replaceAll(m -> "\n".repeat((int) m.group().chars().filter(c -> c == '\n').count()));
        int depth = 0;
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("a '}' without its '{' at line %d", line)
                        .isGreaterThanOrEqualTo(0);
            }
            // A top-level rule never opens a third level here: at-rules hold plain rules, nothing deeper.
            assertThat(depth).as("rule nested three deep at line %d: an unclosed rule above?", line)
                    .isLessThanOrEqualTo(2);
        }
        assertThat(depth).as("unclosed rules at the end of the theme").isZero();
    }
}
