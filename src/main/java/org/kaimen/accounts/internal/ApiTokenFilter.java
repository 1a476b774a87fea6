package org.kaimen.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer kmn_…} on the JSON API. A token that does not work is answered with 401 at once rather
 * than treated as anonymous, so a client with a revoked token learns why instead of getting a puzzling 403.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenAuthenticator authenticator;
    private final AuthenticationEntryPoint entryPoint;

    ApiTokenFilter(ApiTokenAuthenticator authenticator, AuthenticationEntryPoint entryPoint) {
        this.authenticator = authenticator;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer " + ApiTokenRepository.PREFIX, 0, 11)) {
            chain.doFilter(request, response);
            return;
        }
        java.util.Optional<ApiTokenAuthenticator.ApiTokenAuthentication> authentication;
        try {
            authentication = authenticator.authenticate(header.substring(7).strip());
        } catch (org.springframework.dao.DataAccessException e) {
            // The entry point tells "the database is down" (503) from "this token does not work" (401).
            entryPoint.commence(request, response,
                    new org.springframework.security.authentication.AuthenticationServiceException(e.getMessage(), e));
            return;
        }
        if (authentication.isEmpty()) {
            SecurityContextHolder.getContextHolderStrategy().clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unusable API token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        chain.doFilter(request, response);
    }
}
