package org.kaimen.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.testsupport.TestClock;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ShortCacheTest {

    private final TestClock clock = new TestClock(ZoneId.of("Asia/Shanghai"));
    private final ShortCache<Long, String> cache = new ShortCache<>(Duration.ofSeconds(5), 100, clock);
    private final AtomicInteger loads = new AtomicInteger();
    private volatile String stored = "open";

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private String load(long id) {
        loads.incrementAndGet();
        return stored;
    }

    @Test
    void aValueIsLoadedOnceWithinItsTimeToLiveAndAgainAfterIt() {
        cache.get(1L, this::load);
        cache.get(1L, this::load);
        assertThat(loads).hasValue(1);
        clock.advance(Duration.ofSeconds(6));
        cache.get(1L, this::load);
        assertThat(loads).hasValue(2);
    }

    @Test
    void nothingFoundIsNotCachedSoThatARowCreatedAMomentLaterIsFound() {
        stored = null;
        assertThat(cache.get(1L, this::load)).isNull();
        stored = "new";
        assertThat(cache.get(1L, this::load)).isEqualTo("new");
    }

    @Test
    void aWriteOutsideATransactionIsSeenByTheNextRead() {
        cache.get(1L, this::load);
        stored = "closed";
        cache.invalidate();
        assertThat(cache.get(1L, this::load)).isEqualTo("closed");
    }

    @Test
    void whileAWritingTransactionIsOpenNothingIsCachedAndItsCompletionForgetsWhatWasReadBefore() {
        TransactionSynchronizationManager.initSynchronization();
        cache.invalidate();
        stored = "uncommitted";
        assertThat(cache.get(1L, this::load)).isEqualTo("uncommitted");
        stored = "open";
        // Rolled back: the uncommitted value must not have been kept.
        assertThat(cache.get(1L, this::load)).isEqualTo("open");
        assertThat(loads).hasValue(2);
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        cache.get(1L, this::load);
        cache.get(1L, this::load);
        assertThat(loads).hasValue(3);
    }

    @Test
    void whatOthersReadWhileAWriteIsOpenIsNotServedAfterItsCommit() throws Exception {
        cache.get(1L, this::load);
        TransactionSynchronizationManager.initSynchronization();
        cache.invalidate();
        // Another request reads the committed row while the write is still open.
        Thread reader = new Thread(() -> cache.get(1L, this::load));
        reader.start();
        reader.join();
        stored = "closed";
        complete(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(cache.get(1L, this::load)).isEqualTo("closed");
    }

    @Test
    void aLoadThatAnInvalidationOvertookIsNotStored() {
        cache.get(1L, id -> {
            // A write commits while this reader is still reading the old row.
            cache.invalidate();
            return "open";
        });
        stored = "closed";
        assertThat(cache.get(1L, this::load)).isEqualTo("closed");
    }

    private void complete(int status) {
        var synchronizations = TransactionSynchronizationManager.isSynchronizationActive()
                ? TransactionSynchronizationManager.getSynchronizations() : null;
        if (synchronizations != null) {
            TransactionSynchronizationManager.clearSynchronization();
            synchronizations.forEach(s -> s.afterCompletion(status));
        }
    }
}
