package org.kaimen.shared.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that every log line written while serving it carries ({@code requestId} in the MDC, shown
 * by the log pattern and as a field of the JSON logs) and that the response returns as {@code X-Request-Id}, so an
 * operator can go from a citizen's error report to the log lines of that one request. A well-formed id from a
 * reverse proxy is kept so the proxy's log and ours line up; anything else is replaced, since the value lands in logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String id = incoming != null && SAFE.matcher(incoming).matches() ? incoming
                : newId();
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * 64 random bits as 16 hex digits. An id only has to tell requests apart in the logs, not be unguessable, so it
     * comes from the thread's own generator: UUID.randomUUID() goes through the process-wide SecureRandom lock, and
     * with one id per request that lock was the most contended in the app under load.
     */
    static String newId() {
        return java.util.HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
