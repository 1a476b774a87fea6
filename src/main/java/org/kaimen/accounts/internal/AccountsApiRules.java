package org.kaimen.accounts.internal;

import org.kaimen.accounts.Role;
import org.kaimen.shared.web.ApiAccessRules;
import org.springframework.stereotype.Component;

@Component
class AccountsApiRules implements ApiAccessRules {

    @Override
    public void configure(org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<
            org.springframework.security.config.annotation.web.builders.HttpSecurity>
                                  .AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN_NAME);
        rules.requestMatchers("/api/v1/me", "/api/v1/me/personal-data", "/api/v1/me/tokens",
                "/api/v1/me/tokens/*").authenticated();
    }
}
