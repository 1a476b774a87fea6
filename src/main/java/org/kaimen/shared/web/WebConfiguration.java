package org.kaimen.shared.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** API answers follow Accept-Language among the two languages Kaimen speaks, Chinese first. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

    /** Request mapping lookup that checks paths first, just before Spring's ({@link PatternFirstHandlerMapping}). */
    @Bean
    PatternFirstHandlerMapping patternFirstHandlerMapping(
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping spring,
            org.springframework.beans.factory.ObjectProvider<
                    org.springframework.web.servlet.function.support.RouterFunctionMapping> routes) {
        return new PatternFirstHandlerMapping(spring, routes.getIfUnique());
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(ZH_CN, Locale.ENGLISH));
        resolver.setDefaultLocale(ZH_CN);
        return resolver;
    }
}
