package org.kaimen.comments.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.kaimen.comments.internal.SubmissionGate;
import org.kaimen.shared.web.ProblemDetailsAdvice;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

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

    SubmissionOverloadFilter(SubmissionGate gate, MessageSource messages, ObjectMapper json) {
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
        // Chinese unless the client asks for English first, as everywhere in Kaimen.
        String accept = request.getHeader("Accept-Language");
        Locale locale = accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemDetailsAdvice.problemType("comments.error.busy").toString());
        problem.put("title", messages.getMessage("problem.title.429", null, "Too Many Requests", locale));
        problem.put("status", 429);
        problem.put("detail", messages.getMessage("comments.error.busy", new Object[] {seconds}, locale));
        problem.put("code", "comments.error.busy");
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        // The security chain's headers for API answers, since this one is written before that chain runs.
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
