package org.kaimen.shared.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A brief in-memory cache of read-mostly rows (a draft, an account, a consent) that every comment submission would
 * otherwise read again: at hundreds of submissions a second the same few rows cost a database round trip each.
 *
 * <p>The owner of the rows calls {@link #invalidate()} wherever it writes them. Because a write only counts once its
 * transaction commits, the cache is emptied at once and again when that transaction completes, and while a writing
 * transaction is open nothing is cached: otherwise a reader could cache the writer's uncommitted row (which a rollback
 * would leave behind) or the old row just before the commit (which would then be served for a whole TTL). Loads that
 * started before an invalidation are not stored either. What is left is a change made by another instance, which
 * shows here within the TTL, so the TTL is kept to seconds.
 *
 * <p>Invalidation empties the whole cache: writes are rare next to reads and a refill costs one query per key.
 */
public final class ShortCache<K, V> {

    private record Entry<V>(V value, Instant loadedAt) {
    }

    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger openWriters = new AtomicInteger();

    public ShortCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /**
     * The cached value, or what {@code loader} answers now. A null answer (nothing found) is not cached, so that
     * something created a moment later is found at once.
     */
    public V get(K key, Function<K, V> loader) {
        Instant now = clock.instant();
        Entry<V> cached = entries.get(key);
        if (cached != null && !cached.loadedAt().plus(ttl).isBefore(now)) {
            return cached.value();
        }
        long before = generation.get();
        V value = loader.apply(key);
        if (value != null && openWriters.get() == 0) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now));
            // An invalidation during the load may have come before or after the put: undo the put if so.
            if (generation.get() != before) {
                entries.remove(key);
            }
        }
        return value;
    }

    /** Forgets every entry now and, inside a transaction, once more when it completes (committed or rolled back). */
    public void invalidate() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            openWriters.incrementAndGet();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                    openWriters.decrementAndGet();
                }
            });
        }
    }

    private void forget() {
        generation.incrementAndGet();
        entries.clear();
    }
}
