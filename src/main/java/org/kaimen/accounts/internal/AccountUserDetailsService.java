package org.kaimen.accounts.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.kaimen.accounts.AccountStatus;
import org.kaimen.accounts.AccountSummary;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        AccountRepository.Credentials c = accounts.findByLogin(login)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        AccountSummary a = c.account();
        boolean locked = a.lockedUntil() != null && a.lockedUntil().isAfter(OffsetDateTime.now(clock));
        // The principal name is always the username, whichever of username or e-mail was typed.
        return User.withUsername(a.username())
                .password(c.passwordHash())
                .disabled(a.status() != AccountStatus.ACTIVE)
                .accountLocked(locked)
                .authorities(a.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }
}
