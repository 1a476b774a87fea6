package org.kaimen.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI kaimenOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Kaimen API").version("v1")
                        .description("Open-door legislation: drafts, public comments, analysis and feedback. "
                                + "Errors are RFC 7807 problem details in the language of Accept-Language "
                                + "(zh-CN by default, en). Staff endpoints take HTTP Basic.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
