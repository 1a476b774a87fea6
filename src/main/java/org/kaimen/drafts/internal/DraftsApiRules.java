package org.kaimen.drafts.internal;

import org.kaimen.shared.web.ApiAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class DraftsApiRules implements ApiAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/drafts", "/api/v1/drafts/*",
                "/api/v1/drafts/*/versions/*/diff").permitAll();
        rules.requestMatchers(HttpMethod.POST, "/api/v1/drafts", "/api/v1/drafts/*/versions")
                .hasAnyRole("DRAFTER", "ADMIN");
    }
}
