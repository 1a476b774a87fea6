package org.kaimen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class UnconfirmedWriteTest {

    /** A transaction manager whose commit fails the way PgJDBC reports a fast shutdown arriving during COMMIT. */
    static class Manager extends AbstractPlatformTransactionManager {
        final List<String> calls = new ArrayList<>();
        boolean commitFails;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            calls.add("begin");
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            calls.add("commit");
            if (commitFails) {
                throw new TransactionSystemException("JDBC commit failed",
                        new SQLException("terminating connection due to administrator command", "57P01"));
            }
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            calls.add("rollback");
        }
    }

    @Test
    void anOutageDuringTheCommitIsReportedAsUnconfirmed() {
        Manager manager = new Manager();
        manager.commitFails = true;
        assertThatThrownBy(() -> UnconfirmedWriteException.commit(new TransactionTemplate(manager), s -> 42))
                .isInstanceOf(UnconfirmedWriteException.class)
                .hasRootCauseInstanceOf(SQLException.class)
                .extracting(e -> ((KaimenException) e).messageKey()).isEqualTo("problem.write-unconfirmed");
        assertThat(manager.calls).containsExactly("begin", "commit");
    }

    @Test
    void anOutageBeforeTheCommitStaysARefusalBecauseTheTransactionRolledBack() {
        Manager manager = new Manager();
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("connection refused");
        assertThatThrownBy(() -> UnconfirmedWriteException.commit(new TransactionTemplate(manager), s -> {
            throw down;
        })).isSameAs(down);
        assertThat(manager.calls).containsExactly("begin", "rollback");
    }

    @Test
    void aFailedCommitThatIsNotAnOutageIsPassedOnUnchanged() {
        Manager manager = new Manager() {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                throw new DataIntegrityViolationException("deferred constraint");
            }
        };
        assertThatThrownBy(() -> UnconfirmedWriteException.commit(new TransactionTemplate(manager), s -> 1))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aTransactionMarkedForRollbackIsNeverUnconfirmed() {
        Manager manager = new Manager();
        manager.commitFails = true;
        assertThat(UnconfirmedWriteException.<String>commit(new TransactionTemplate(manager), s -> {
            s.setRollbackOnly();
            return "refused";
        })).isEqualTo("refused");
        assertThat(manager.calls).containsExactly("begin", "rollback");
    }

    @Test
    void aCommittedTransactionAnswersWithItsResult() {
        Manager manager = new Manager();
        assertThat(UnconfirmedWriteException.<String>commit(new TransactionTemplate(manager), s -> "stored"))
                .isEqualTo("stored");
        assertThat(manager.calls).containsExactly("begin", "commit");
    }
}
