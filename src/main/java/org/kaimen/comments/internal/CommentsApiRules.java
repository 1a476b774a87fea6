package org.kaimen.comments.internal;

import org.kaimen.shared.web.ApiAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Commenting is public (the service decides: signed-in, or anonymous where the draft allows it). */
@Component
class CommentsApiRules implements ApiAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/v1/drafts/*/comments/import").hasAnyRole("DRAFTER", "ADMIN");
        rules.requestMatchers(HttpMethod.POST, "/api/v1/drafts/*/comments", "/api/v1/comments/*/reports")
                .permitAll();
        rules.requestMatchers(HttpMethod.GET, "/api/v1/comments/import-template.xlsx").hasAnyRole("DRAFTER", "ADMIN");
        rules.requestMatchers(HttpMethod.GET, "/api/v1/drafts/*/comments", "/api/v1/drafts/*/comments/challenge",
                "/api/v1/drafts/*/comments/stats").permitAll();
        rules.requestMatchers(HttpMethod.POST, "/api/v1/comments/*/supports").authenticated();
    }
}
