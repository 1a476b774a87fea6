package org.kaimen.accounts.internal;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password login for both the form and HTTP Basic, counting failures per account and per address. */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;
    private final AccountRepository accounts;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                    AccountRepository accounts) {
        super(users);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.accounts = accounts;
    }

    /**
     * The throttle's bookkeeping reads and writes the database around the password check; an outage there must reach
     * the entry point (503) as an authentication-service failure, not escape the filter chain as a 500.
     */
    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        try {
            return throttled(authentication);
        } catch (org.springframework.dao.DataAccessException e) {
            throw new org.springframework.security.authentication.InternalAuthenticationServiceException(
                    e.getMessage(), e);
        }
    }

    private Authentication throttled(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : null;
        if (throttle.addressBlocked(address)) {
            throw new LockedException("too many failed logins from this address");
        }
        try {
            Authentication result = super.authenticate(authentication);
            accounts.findByLogin(result.getName()).ifPresent(c -> throttle.succeeded(c.account().id()));
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(authentication.getName(), address);
            throw e;
        }
    }
}
