package org.kaimen.shared.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's contribution to who may call its part of {@code /api/v1}. The security configuration applies every
 * module's rules and then requires authentication for anything left, so a forgotten rule fails closed.
 */
@FunctionalInterface
public interface ApiAccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
