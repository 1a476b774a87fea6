package org.kaimen.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Resubmission must not pile up copies of events that are only waiting in the listeners' queue. */
class EventRepublisherTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** Records what a tick would resubmit, by applying its filter to publications of given ages. */
    static class Recorder implements IncompleteEventPublications {
        final List<Instant> published = new ArrayList<>();
        final List<Instant> resubmitted = new ArrayList<>();

        @Override
        public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
            for (Instant at : published) {
                if (filter.test(publication(at))) {
                    resubmitted.add(at);
                }
            }
        }

        @Override
        public void resubmitIncompletePublicationsOlderThan(Duration duration) {
            throw new AssertionError("not used");
        }
    }

    ThreadPoolTaskExecutor pool;
    Recorder registry;
    EventRepublisher republisher;
    CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(1);
        pool.initialize();
        registry = new Recorder();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("applicationTaskExecutor", pool);
        republisher = new EventRepublisher(registry, beans.getBeanProvider(ThreadPoolTaskExecutor.class),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1), 3);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        pool.shutdown();
    }

    @Test
    void onlyOldEnoughPublicationsAreResubmittedAndAtMostABatch() {
        for (int i = 0; i < 5; i++) {
            registry.published.add(NOW.minus(Duration.ofMinutes(10 + i)));
        }
        registry.published.add(NOW.minusSeconds(10));
        republisher.resubmit();
        assertThat(registry.resubmitted).hasSize(3).allSatisfy(at -> assertThat(at).isBefore(NOW.minusSeconds(60)));
    }

    @Test
    void nothingIsResubmittedWhileListenerRunsWaitInTheQueue() {
        registry.published.add(NOW.minus(Duration.ofMinutes(10)));
        pool.execute(this::block);
        pool.execute(this::block);
        republisher.resubmit();
        assertThat(registry.resubmitted).isEmpty();
        release.countDown();
        await();
        republisher.resubmit();
        assertThat(registry.resubmitted).hasSize(1);
    }

    private void block() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void await() {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!pool.getThreadPoolExecutor().getQueue().isEmpty() && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    static EventPublication publication(Instant at) {
        return new EventPublication() {
            @Override
            public java.util.UUID getIdentifier() {
                return java.util.UUID.randomUUID();
            }

            @Override
            public Object getEvent() {
                return "event";
            }

            @Override
            public Instant getPublicationDate() {
                return at;
            }

            @Override
            public java.util.Optional<Instant> getCompletionDate() {
                return java.util.Optional.empty();
            }
        };
    }
}
