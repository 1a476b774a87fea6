package org.kaimen.experts.internal;

import org.kaimen.shared.web.ApiAccessRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The registry and consultations are staff work; experts use the portal, not the API. */
@Component
class ExpertsApiRules implements ApiAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/experts", "/api/v1/experts.*", "/api/v1/experts/**",
                "/api/v1/expert-consultations", "/api/v1/expert-consultations/**").hasAnyRole("DRAFTER", "ADMIN");
    }
}
