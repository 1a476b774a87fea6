package org.kaimen.analysis.internal;

import org.kaimen.shared.web.ApiAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class AnalysisApiRules implements ApiAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/drafts/*/comments/search", "/api/v1/drafts/*/campaigns",
                        "/api/v1/drafts/*/clusters", "/api/v1/drafts/*/clusters/novel")
                .hasAnyRole("DRAFTER", "ADMIN");
        rules.requestMatchers("/api/v1/drafts/*/clusters/recompute", "/api/v1/clusters/**",
                        "/api/v1/comments/*/novel-seen")
                .hasAnyRole("DRAFTER", "ADMIN");
    }
}
