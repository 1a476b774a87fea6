package org.kaimen.testsupport;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.kaimen.accounts.AccountStatus;
import org.kaimen.accounts.Role;
import org.kaimen.accounts.internal.AccountRepository;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Creates active accounts straight in the database, the way an administrator's screen would end up. */
public class TestAccounts {

    public static final String PASSWORD = "test-password";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private String encoded;

    public TestAccounts(AccountRepository accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** @return a fresh unique username with the given roles and {@link #PASSWORD} */
    public String create(Role... roles) {
        String username = roles[0].name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (encoded == null) {
            encoded = encoder.encode(PASSWORD);
        }
        accounts.insert(username, username + "@example.org", "测试 " + username, encoded, AccountStatus.ACTIVE,
                "zh-CN", Set.of(roles), OffsetDateTime.now(clock));
        return username;
    }
}
