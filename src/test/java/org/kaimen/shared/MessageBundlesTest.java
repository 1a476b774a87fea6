package org.kaimen.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:getTranslation|translate)\\(\\s*\"([a-z][\\w.-]*\\w)\"\\s*[,)]|title\\s*=\\s*\"([a-z][\\w.-]*\\w)\"|"
                    + "KaimenException\\([^,]+,\\s*\"([a-z][\\w.-]*\\w)\"\\s*[,)]");

    @Test
    void chineseAndEnglishBundlesHaveExactlyTheSameKeys() throws IOException {
        assertThat(load("i18n/messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("i18n/messages.properties").stringPropertyNames());
    }

    @Test
    void everyLiteralKeyUsedInTheCodeExistsInTheBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (m.group(g) != null) {
                            used.add(m.group(g));
                        }
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(load("i18n/messages.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void noChineseTextIsLeftInTheEnglishBundle() throws IOException {
        Properties en = load("i18n/messages_en.properties");
        assertThat(en.stringPropertyNames()).allSatisfy(key ->
                assertThat(en.getProperty(key)).as(key).doesNotContainPattern("\\p{IsHan}"));
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
