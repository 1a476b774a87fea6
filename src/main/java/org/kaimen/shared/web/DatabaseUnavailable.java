package org.kaimen.shared.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells an outage of PostgreSQL (down, restarting, unreachable, no connection within the pool's timeout) from a
 * fault of the request or of the code: the former is answered 503 with Retry-After, so people and clients know to try
 * again, not 500.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is told to wait: about what a PostgreSQL restart or fail-over takes. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private DatabaseUnavailable() {
    }

    /** @return whether the database being unavailable is somewhere in the exception's causes */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            // The connection died under a transaction: its rollback (or commit) fails on the closed connection too and
            // hides the first exception, which may itself be only a closed pooled connection without an SQL state.
            if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
                return true;
            }
            // 08: connection exception; 57P01..57P03: the server is shutting down or not accepting connections yet.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
