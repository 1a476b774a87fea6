package org.kaimen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.AccountStatus;
import org.kaimen.accounts.Role;
import org.kaimen.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class ProductionSafetyCheckIT {

    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void theProductionProfileRefusesToStartWithDemoSeedingOn() {
        MockEnvironment env = new MockEnvironment().withProperty("kaimen.demo.enabled", "true");
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> new ProductionSafetyCheck(env, accounts, encoder).afterSingletonsInstantiated())
                .hasMessageContaining("kaimen.demo.enabled");
    }

    @Test
    void theProductionProfileRefusesToStartWhileADemoAccountKeepsTheDemoPassword() {
        jdbc.sql("DELETE FROM account WHERE username = 'drafter'").update();
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        ProductionSafetyCheck check = new ProductionSafetyCheck(env, accounts, encoder);
        assertThatCode(check::afterSingletonsInstantiated).doesNotThrowAnyException();

        accounts.insert("drafter", null, "demo", encoder.encode("demo"), AccountStatus.ACTIVE, "zh-CN",
                Set.of(Role.DRAFTER), OffsetDateTime.now(clock));
        try {
            assertThatThrownBy(check::afterSingletonsInstantiated).hasMessageContaining("'drafter'");
        } finally {
            jdbc.sql("DELETE FROM account WHERE username = 'drafter'").update();
        }
    }

    @Test
    void otherProfilesMayKeepDemoAccounts() {
        MockEnvironment env = new MockEnvironment().withProperty("kaimen.demo.enabled", "true");
        env.setActiveProfiles("dev");
        assertThatCode(() -> new ProductionSafetyCheck(env, accounts, encoder).afterSingletonsInstantiated())
                .doesNotThrowAnyException();
    }
}
