package org.kaimen.accounts.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import org.kaimen.accounts.AccountStatus;
import org.kaimen.accounts.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Dev only: one account per role, each with the password {@code demo}, so the README's tour works at once. */
@Component
@Order(0)
@ConditionalOnProperty(name = "kaimen.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "demo";
    static final Set<String> USERNAMES = Set.of("admin", "drafter", "expert", "citizen");
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    DemoAccounts(AccountRepository accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        create("admin", "系统管理员", Set.of(Role.ADMIN, Role.DRAFTER));
        create("drafter", "起草组 王文", Set.of(Role.DRAFTER));
        create("expert", "李明 教授", Set.of(Role.EXPERT));
        create("citizen", "张伟", Set.of(Role.CITIZEN));
    }

    private void create(String username, String name, Set<Role> roles) {
        if (accounts.usernameTaken(username)) {
            return;
        }
        accounts.insert(username, username + "@kaimen.local", name, encoder.encode(PASSWORD), AccountStatus.ACTIVE,
                "zh-CN", roles, OffsetDateTime.now(clock));
        log.info("Demo account {} (password {}) created", username, PASSWORD);
    }
}
