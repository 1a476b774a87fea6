package org.kaimen.accounts.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.RequestUtil;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfFilter;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kaimen.accounts.ui.LoginView;
import org.kaimen.shared.web.ApiAccessRules;
import org.kaimen.shared.web.DatabaseUnavailable;
import org.kaimen.shared.web.ProblemDetailsAdvice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two filter chains: the stateless JSON API (HTTP Basic for staff, problem details for 401/403) and the Vaadin UI
 * (form login through {@link LoginView}, session cookie). Each module adds its API rules as an {@link ApiAccessRules}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * Vaadin Flow's client runs server-sent JavaScript through the Function constructor and its bootstrap page has
     * inline scripts and styles, so 'unsafe-inline' and 'unsafe-eval' stay; what the policy still buys: no script,
     * style, font or frame from another origin, no plug-ins, no framing by other sites, no foreign form targets or
     * base URL. Comment text is never rendered as HTML (see the XSS tests), which is the first defence.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    /** JSON and file downloads: nothing in them may run or be framed. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /**
     * No observation (timer and spans) around each of the API chain's dozen filters and each authorization decision:
     * at hundreds of API calls a second they are a dozen observations per call, while {@code http.server.requests}
     * already times every request. Sign-ins are still observed.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
                .shouldObserveAuthorizations(false).build();
    }

    @Bean
    WebSecurityCustomizer fastHeaderChecks() {
        return HeaderCharacters.firewall();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id for new hashes; the {id} prefix lets a future encoder take over without a forced reset.
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    AuthenticationProvider authenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder,
                                                  LoginThrottle throttle, AccountRepository accounts) {
        return new ThrottledAuthenticationProvider(users, encoder, throttle, accounts);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, List<ApiAccessRules> moduleRules, MessageSource messages,
                                 LocaleResolver locales, ObjectMapper json, ApiTokenAuthenticator apiTokens,
                                 @Value("${kaimen.metrics.scrape-token:}") String scrapeToken) throws Exception {
        // Checking a password or a token needs the database: while it is down the caller learns that, not "wrong
        // password".
        org.springframework.security.web.AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (DatabaseUnavailable.causedBy(e)) {
                problem(response, HttpStatus.SERVICE_UNAVAILABLE, "problem.http.503", messages,
                        locales.resolveLocale(request), json);
            } else {
                problem(response, HttpStatus.UNAUTHORIZED, "problem.unauthorized", messages,
                        locales.resolveLocale(request), json);
            }
        };
        http.securityMatcher("/api/**", "/actuator/**")
                .addFilterBefore(new ScrapeTokenFilter(scrapeToken), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenFilter(apiTokens, unauthorized), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                                "problem.forbidden", messages, locales.resolveLocale(request), json)))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(HttpMethod.GET, "/api/v1/openapi.json", "/api/v1/openapi.json/**")
                            .permitAll();
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                    rules.requestMatchers("/actuator/prometheus").hasAnyRole("ADMIN", ScrapeTokenFilter.ROLE);
                    rules.requestMatchers("/actuator/**").hasRole("ADMIN");
                    moduleRules.forEach(r -> r.configure(rules));
                    rules.anyRequest().authenticated();
                });
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain vaadinChain(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(rules -> rules
                        .requestMatchers("/account/verify", "/expert/invitation", "/expert/invitation/*",
                                "/images/**", "/icons/**", "/js/**", "/favicon.ico", "/error").permitAll())
                .headers(h -> h
                        .referrerPolicy(r -> r.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS)))
                // Vaadin exempts its login page from CSRF, POST included, so another site could sign a visitor into
                // an account it controls (login CSRF). vaadin-login-form sends the token from the _csrf meta tags
                // Vaadin puts in every page it serves, so the login needs no exemption; only Vaadin's own round
                // trips keep theirs, as they carry Vaadin's per-UI token instead.
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/")
                        .enableCsrfConfiguration(false))
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                        .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                            @Override
                            public <O extends CsrfFilter> O postProcess(O filter) {
                                filter.setAccessDeniedHandler(STALE_LOGIN_FORM);
                                return filter;
                            }
                        }));
        return http.build();
    }

    /**
     * A login form whose token went stale (signed in on another tab, a page from the browser's cache) goes back to a
     * fresh login page with a notice rather than to an error page; nobody is signed in either way. Other refused
     * posts get the plain 403.
     */
    private static final AccessDeniedHandler STALE_LOGIN_FORM = (request, response, e) -> {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + "/login?stale");
        } else {
            new AccessDeniedHandlerImpl().handle(request, response, e);
        }
    };

    private static void problem(HttpServletResponse response, HttpStatus status, String key, MessageSource messages,
                                Locale locale, ObjectMapper json) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"kaimen\"");
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        }
        ProblemDetailsAdvice.write(response, status, key, null, messages, locale, json);
    }
}
