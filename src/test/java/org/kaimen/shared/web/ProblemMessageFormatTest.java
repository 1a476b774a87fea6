package org.kaimen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class ProblemMessageFormatTest {

    @Test
    void everyMessageReadsAsTheMessageSourceWouldFormatIt() throws IOException {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Properties keys = new Properties();
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/i18n/messages.properties"),
                StandardCharsets.UTF_8)) {
            keys.load(in);
        }
        Object[] args = {3, "第五条", 1234567, "x'y"};
        int withArguments = 0;
        for (String key : keys.stringPropertyNames()) {
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                assertThat(ProblemDetailsAdvice.format(messages, key, args, locale)).as(key)
                        .isEqualTo(messages.getMessage(key, args, key, locale));
                assertThat(ProblemDetailsAdvice.format(messages, key, new Object[0], locale)).as(key)
                        .isEqualTo(messages.getMessage(key, new Object[0], key, locale));
            }
            withArguments += keys.getProperty(key).contains("{0") ? 1 : 0;
        }
        assertThat(withArguments).as("messages with arguments checked").isGreaterThan(20);
        assertThat(ProblemDetailsAdvice.format(messages, "no.such.key", args, Locale.ENGLISH)).isEqualTo("no.such.key");
    }
}
