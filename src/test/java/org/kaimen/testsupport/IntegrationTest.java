package org.kaimen.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port against the real PostgreSQL, Elasticsearch and SMTP of {@link TestServices}.
 * Every class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(IntegrationTest.Clocks.class)
public @interface IntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(ZoneId.of("Asia/Shanghai"));
        }

        @Bean
        TestAccounts testAccounts(org.kaimen.accounts.internal.AccountRepository accounts,
                                  org.springframework.security.crypto.password.PasswordEncoder encoder,
                                  TestClock clock) {
            return new TestAccounts(accounts, encoder, clock);
        }
    }
}
