package org.kaimen.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database went away while a transaction was committing, so nobody can tell whether it was stored: PostgreSQL may
 * have made the commit durable and lost the connection before its answer reached us (a fast shutdown or a fail-over
 * does exactly this). Telling the user "not saved" would then be wrong, and "saved" may be wrong too; the honest
 * answer is "send it again", which is safe wherever the write carries an idempotency key.
 */
public class UnconfirmedWriteException extends KaimenException {

    public static final String MESSAGE_KEY = "problem.write-unconfirmed";

    public UnconfirmedWriteException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, MESSAGE_KEY);
        initCause(cause);
    }

    /**
     * Runs {@code work} in a transaction of {@code transactions}. An outage of the database during the commit, after
     * the work itself completed, becomes an {@link UnconfirmedWriteException}; an outage before it stays what it was
     * (the transaction rolled back, nothing was stored).
     */
    public static <T> T commit(TransactionTemplate transactions, TransactionCallback<T> work) {
        boolean[] committing = {false};
        try {
            return transactions.execute((TransactionStatus status) -> {
                T result = work.doInTransaction(status);
                committing[0] = !status.isRollbackOnly();
                return result;
            });
        } catch (RuntimeException e) {
            if (committing[0] && DatabaseUnavailable.causedBy(e)) {
                throw new UnconfirmedWriteException(e);
            }
            throw e;
        }
    }
}
