package org.kaimen.shared.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A rate limit was reached; the API answers 429 with Retry-After, the UI says when to try again. */
public class TooManyRequestsException extends KaimenException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter, String messageKey) {
        super(HttpStatus.TOO_MANY_REQUESTS, messageKey, Math.max(1, retryAfter.toSeconds()));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
