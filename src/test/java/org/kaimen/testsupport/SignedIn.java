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
}
