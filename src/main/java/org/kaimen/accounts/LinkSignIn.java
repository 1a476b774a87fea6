package org.kaimen.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kaimen.accounts.internal.AccountRepository;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.web.KaimenException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password-less sign-in for people who proved they own an address by following a signed link another module
 * mailed them (an invited expert). The session carries only the role the link was for, never the account's other
 * roles: a link must not open an administrator's powers because an expert shares an admin's address.
 */
@Service
public class LinkSignIn {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public LinkSignIn(AccountRepository accounts, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The account for this address with the given role: an existing one gains the role, otherwise one is made with a
     * random password nobody knows (the person may set one through "forgot password").
     */
    @Transactional
    public long ensureAccount(String email, String displayName, String locale, Role role) {
        var existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            AccountSummary a = existing.get();
            if (a.status() == AccountStatus.DISABLED) {
                throw new KaimenException(HttpStatus.FORBIDDEN, "accounts.error.link-refused");
            }
            if (!a.hasRole(role)) {
                Set<Role> roles = EnumSet.copyOf(a.roles());
                roles.add(role);
                accounts.replaceRoles(a.id(), roles);
                audit.record("account.roles.link", "account", a.id(), "added=" + role);
            }
            return a.id();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String username = accounts.usernameTaken(email) ? role.name().toLowerCase() + "-" + email : email;
        long id = accounts.insert(username, email, displayName, passwords.encode(Base64.getEncoder()
                .encodeToString(random)), AccountStatus.ACTIVE, locale, Set.of(role), OffsetDateTime.now(clock));
        audit.record("account.create.link", "account", id, "role=" + role);
        return id;
    }

    /** Signs the account into the current HTTP session with just this role (a fresh session id against fixation). */
    public void signIn(long accountId, Role role, HttpServletRequest request, HttpServletResponse response) {
        AccountSummary a = accounts.findById(accountId)
                .filter(x -> x.status() == AccountStatus.ACTIVE && x.hasRole(role))
                .orElseThrow(() -> new KaimenException(HttpStatus.FORBIDDEN, "accounts.error.link-refused"));
        var authorities = List.of(new SimpleGrantedAuthority(role.authority()));
        User principal = new User(a.username(), "", authorities);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
