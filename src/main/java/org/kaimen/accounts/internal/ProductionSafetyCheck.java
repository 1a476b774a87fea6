package org.kaimen.accounts.internal;

import java.util.Arrays;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In the production profile, refuses to start while demo seeding is on or a demo account still has the demo
 * password: a public consultation must never be reachable with {@code admin}/{@code demo}.
 */
@Component
class ProductionSafetyCheck implements SmartInitializingSingleton {

    private final Environment env;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;

    ProductionSafetyCheck(Environment env, AccountRepository accounts, PasswordEncoder encoder) {
        this.env = env;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!Arrays.asList(env.getActiveProfiles()).contains("prod")) {
            return;
        }
        if (env.getProperty("kaimen.demo.enabled", Boolean.class, false)) {
            throw new IllegalStateException("kaimen.demo.enabled=true is not allowed in the prod profile");
        }
        for (String username : DemoAccounts.USERNAMES) {
            accounts.findByLogin(username)
                    .filter(c -> c.account().username().equalsIgnoreCase(username))
                    .filter(c -> encoder.matches(DemoAccounts.PASSWORD, c.passwordHash()))
                    .ifPresent(c -> {
                        throw new IllegalStateException("Demo account '" + username
                                + "' with the demo password exists; change its password or delete it before"
                                + " running the prod profile");
                    });
        }
    }
}
