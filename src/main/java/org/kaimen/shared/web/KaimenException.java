package org.kaimen.shared.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user should understand: carries a message key from the i18n bundles, its arguments and the HTTP
 * status the API answers with. Views show {@link #messageKey()} through the I18NProvider; the API as problem details.
 */
public class KaimenException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;

    public KaimenException(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
