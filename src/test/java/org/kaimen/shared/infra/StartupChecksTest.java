package org.kaimen.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StartupChecksTest {

    private MockEnvironment valid() {
        return new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/kaimen?sslmode=require")
                .withProperty("spring.mail.host", "smtp.internal")
                .withProperty("kaimen.mail.from", "开门立法 <noreply@rd.example.gov.cn>")
                .withProperty("kaimen.base-url", "https://kaimen.example.gov.cn");
    }

    @Test
    void aCompleteProductionConfigurationHasNoProblem() {
        MockEnvironment env = valid();
        env.setActiveProfiles("prod");
        assertThat(StartupChecks.configurationProblems(env)).isEmpty();
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresqlIsNamedWithTheVariableToFix() {
        MockEnvironment env = valid().withProperty("spring.datasource.url", "postgres://db.internal/kaimen");
        assertThat(StartupChecks.configurationProblems(env)).singleElement().asString()
                .contains("KAIMEN_DB_URL").contains("jdbc:postgresql://host:5432/kaimen")
                .contains("'postgres://db.internal/kaimen'");
    }

    @Test
    void aMissingMailServerAndSenderAreEachReported() {
        MockEnvironment env = valid().withProperty("spring.mail.host", " ").withProperty("kaimen.mail.from", "");
        assertThat(StartupChecks.configurationProblems(env)).containsExactly(
                "spring.mail.host is not set (environment variable KAIMEN_SMTP_HOST)",
                "kaimen.mail.from is not set (environment variable KAIMEN_MAIL_FROM)");
    }

    @Test
    void aSenderThatIsNotAnAddressIsRefused() {
        MockEnvironment env = valid().withProperty("kaimen.mail.from", "Kaimen");
        assertThat(StartupChecks.configurationProblems(env)).singleElement().asString().contains("KAIMEN_MAIL_FROM");
    }

    @Test
    void aRelativeBaseUrlIsRefusedAndALocalOneOnlyInProduction() {
        assertThat(StartupChecks.configurationProblems(valid().withProperty("kaimen.base-url", "kaimen.gov.cn")))
                .singleElement().asString().contains("absolute http(s) URL");
        MockEnvironment local = valid().withProperty("kaimen.base-url", "http://localhost:8080");
        assertThat(StartupChecks.configurationProblems(local)).isEmpty();
        local.setActiveProfiles("prod");
        assertThat(StartupChecks.configurationProblems(local)).singleElement().asString()
                .contains("citizen's own computer");
    }

    @Test
    void anUnresolvablePlaceholderCountsAsNotSet() {
        MockEnvironment env = valid().withProperty("kaimen.base-url", "${KAIMEN_BASE_URL_NOT_SET_ANYWHERE}");
        env.setIgnoreUnresolvableNestedPlaceholders(false);
        assertThat(StartupChecks.configurationProblems(env)).singleElement().asString()
                .isEqualTo("kaimen.base-url is not set (environment variable KAIMEN_BASE_URL)");
    }
}
