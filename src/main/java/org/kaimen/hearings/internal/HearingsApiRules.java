package org.kaimen.hearings.internal;

import org.kaimen.shared.web.ApiAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Announced hearings, their lottery and published report are public; registration is open to anyone. */
@Component
class HearingsApiRules implements ApiAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/hearings", "/api/v1/hearings/*", "/api/v1/hearings/*/lottery",
                "/api/v1/hearings/*/report", "/api/v1/hearings/*/report.*").permitAll();
        rules.requestMatchers(HttpMethod.POST, "/api/v1/hearings/*/registrations").permitAll();
        rules.requestMatchers("/api/v1/hearings/**").hasAnyRole("DRAFTER", "ADMIN");
    }
}
