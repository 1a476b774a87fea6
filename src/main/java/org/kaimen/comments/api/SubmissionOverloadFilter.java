package org.kaimen.comments.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.kaimen.comments.internal.SubmissionGate;
import org.kaimen.shared.web.ProblemDetailsAdvice;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Turns away comment submissions while the instance is at capacity before anything else runs: no authentication,
 * no JSON parsing, no database. Under a tenfold burst most requests are excess, and answering them must cost far
 * less than storing one, or the answering itself becomes the overload. The gate inside the service still decides
 * for the requests that pass; this only spares the obvious ones the work.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SubmissionOverloadFilter extends OncePerRequestFilter {

    private static final Pattern SUBMISSION = Pattern.compile("/api/v1/drafts/\\d+/comments");

    private final SubmissionGate gate;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    SubmissionOverloadFilter(SubmissionGate gate, MessageSource messages, ObjectMapper json, LocaleResolver locales) {
        this.locales = locales;
        this.gate = gate;
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !SUBMISSION.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!gate.saturated()) {
            chain.doFilter(request, response);
            return;
        }
        gate.rejectedEarly();
        int seconds = 1 + ThreadLocalRandom.current().nextInt(3);
        Locale locale = locales.resolveLocale(request);
        response.setHeader("Retry-After", String.valueOf(seconds));
        // The security chain's headers for API answers, since this one is written before that chain runs.
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        response.setHeader("X-Content-Type-Options", "nosniff");
        ProblemDetailsAdvice.write(response, HttpStatus.TOO_MANY_REQUESTS, "comments.error.busy",
                new Object[] {seconds}, messages, locale, json);
    }
}
