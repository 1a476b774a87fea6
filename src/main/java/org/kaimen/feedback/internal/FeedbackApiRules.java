package org.kaimen.feedback.internal;

import org.kaimen.shared.web.ApiAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The report is public once published (the service decides); the desk is staff-only. */
@Component
class FeedbackApiRules implements ApiAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/drafts/*/report", "/api/v1/drafts/*/report.*").permitAll();
        // Open data of closed consultations (OpenData decides what is closed).
        rules.requestMatchers(HttpMethod.GET, "/api/v1/open-data/**").permitAll();
        rules.requestMatchers(HttpMethod.POST, "/api/v1/drafts/*/report/subscription").authenticated();
        rules.requestMatchers("/api/v1/drafts/*/report/publication", "/api/v1/drafts/*/progress",
                "/api/v1/drafts/*/opinions", "/api/v1/opinions/**").hasAnyRole("DRAFTER", "ADMIN");
    }
}
