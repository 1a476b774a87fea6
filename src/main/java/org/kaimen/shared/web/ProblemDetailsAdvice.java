package org.kaimen.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error is an RFC 7807 problem detail whose {@code detail} is in the caller's language. */
@RestControllerAdvice(basePackages = "org.kaimen")
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    public ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Anything unexpected still answers as a problem detail, in the caller's language, without internals; security
     * exceptions go on to Spring Security, which answers 401/403 itself.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        Locale locale = LocaleContextHolder.getLocale();
        if (DatabaseUnavailable.causedBy(e)) {
            // Nothing was stored: the client may send the same request again (with its Idempotency-Key) later.
            org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class)
                    .warn("API call failed, the database is unavailable: {}", e.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    messages.getMessage("problem.http.503", null, locale));
            problem.setType(problemType("problem.http.503"));
            problem.setTitle(messages.getMessage("problem.title.503", null, locale));
            problem.setProperty("code", "problem.http.503");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .body(problem);
        }
        org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class).error("Unhandled error in an API call", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                messages.getMessage("problem.http.500", null, locale));
        problem.setType(problemType("problem.http.500"));
        problem.setTitle(messages.getMessage("problem.title.500", null, locale));
        problem.setProperty("code", "problem.http.500");
        return ResponseEntity.internalServerError().body(problem);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> handle(TooManyRequestsException e) {
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(handle((KaimenException) e));
    }

    @ExceptionHandler(UnconfirmedWriteException.class)
    ResponseEntity<ProblemDetail> handle(UnconfirmedWriteException e) {
        org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class)
                .warn("API write unconfirmed, the database went away during its commit: {}", e.getCause().toString());
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .body(handle((KaimenException) e));
    }

    @ExceptionHandler(KaimenException.class)
    ProblemDetail handle(KaimenException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(),
                format(messages, e.messageKey(), e.args(), locale));
        problem.setType(problemType(e.messageKey()));
        problem.setTitle(messages.getMessage("problem.title." + e.status().value(), null,
                e.status().getReasonPhrase(), locale));
        problem.setProperty("code", e.messageKey());
        return problem;
    }

    /**
     * The message with its arguments, as {@code messages.getMessage(key, args, key, locale)} gives it, but formatted by
     * a MessageFormat of its own: the message source shares one per message and locks it while formatting, and under
     * a flood of "busy, retry in {0} s" answers every web thread queued on that one lock.
     */
    static String format(MessageSource messages, String key, Object[] args, Locale locale) {
        if (args == null || args.length == 0) {
            return messages.getMessage(key, null, key, locale);
        }
        String pattern = messages.getMessage(key, null, null, locale);
        return pattern == null ? key : new java.text.MessageFormat(pattern, locale).format(args);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f, locale)))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.validation", null, locale));
        problem.setType(problemType("problem.validation"));
        problem.setTitle(messages.getMessage("problem.title.400", null, locale));
        problem.setProperty("code", "problem.validation");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // Spring's own problems (404, 405, unreadable JSON …) get a localized detail too.
        if (body instanceof ProblemDetail problem) {
            Locale locale = LocaleContextHolder.getLocale();
            String key = "problem.http." + status.value();
            problem.setDetail(messages.getMessage(key, null, problem.getDetail(), locale));
            problem.setTitle(messages.getMessage("problem.title." + status.value(), null, problem.getTitle(), locale));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /**
     * Writes a localized problem-details answer straight to a servlet response, for the few answers given before
     * Spring MVC runs (security entry points, load shedding), so that they read like every other error of the API.
     */
    public static void write(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String key,
                             Object[] args, MessageSource messages, Locale locale,
                             com.fasterxml.jackson.databind.ObjectMapper json) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, format(messages, key, args, locale));
        problem.setType(problemType(key));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
                locale));
        problem.setProperty("code", key);
        response.setStatus(status.value());
        response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    public static URI problemType(String code) {
        return URI.create("urn:kaimen:problem:" + code);
    }
}
