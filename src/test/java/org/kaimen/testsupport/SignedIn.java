package org.kaimen.testsupport;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Puts a user in the test thread's security context, as a signed-in request would. */
public final class SignedIn {

    private SignedIn() {
    }

    /** @param role e.g. ROLE_DRAFTER */
    public static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                AuthorityUtils.createAuthorityList(role)));
    }

    /** Runs an action as a user and signs out again, for calls to services guarded by roles. */
    public static <T> T as(String user, String role, java.util.function.Supplier<T> action) {
        as(user, role);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
