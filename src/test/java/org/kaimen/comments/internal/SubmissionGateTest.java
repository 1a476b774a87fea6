package org.kaimen.comments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kaimen.shared.web.TooManyRequestsException;

class SubmissionGateTest {

    @Test
    void aSubmissionBeyondCapacityIsTurnedAwayWithARetryAfterOfOneToThreeSecondsAndCounted() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SubmissionGate gate = new SubmissionGate(new AdmissionProperties(1, 4, Duration.ofMillis(20)), registry);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> gate.admit(() -> {
                inside.countDown();
                await(release);
                return "stored";
            }));
            inside.await();
            assertThatThrownBy(() -> gate.admit(() -> "never"))
                    .isInstanceOfSatisfying(TooManyRequestsException.class, e ->
                            assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)));
            assertThat(registry.get("kaimen.comments.rejected").counter().count()).isEqualTo(1);
            assertThat(registry.get("kaimen.comments.admission.in.flight").gauge().value()).isEqualTo(1);
            release.countDown();
            assertThat(first.get()).isEqualTo("stored");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theGateIsAtCapacityExactlyWhileEverySlotIsTaken() throws Exception {
        SubmissionGate gate = new SubmissionGate(new AdmissionProperties(2, 4, Duration.ZERO), new SimpleMeterRegistry());
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertThat(gate.atCapacity()).isFalse();
            Future<String> one = pool.submit(() -> gate.admit(() -> {
                inside.countDown();
                await(release);
                return "one";
            }));
            assertThat(gate.atCapacity()).as("one of two slots taken at most").isFalse();
            Future<String> two = pool.submit(() -> gate.admit(() -> {
                inside.countDown();
                await(release);
                return "two";
            }));
            inside.await();
            assertThat(gate.atCapacity()).isTrue();
            release.countDown();
            one.get();
            two.get();
            assertThat(gate.atCapacity()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPermitIsGivenBackWhenTheWorkFailsSoAnErrorCannotShrinkTheCapacity() {
        SubmissionGate gate = new SubmissionGate(new AdmissionProperties(1, 4, Duration.ZERO), new SimpleMeterRegistry());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> gate.admit(() -> {
                throw new IllegalStateException("refused by validation");
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(gate.admit(() -> "stored")).isEqualTo("stored");
    }

    @Test
    void whenTheQueueIsFullASubmissionIsTurnedAwayAtOnceInsteadOfWaiting() throws Exception {
        SubmissionGate gate = new SubmissionGate(new AdmissionProperties(1, 0, Duration.ofSeconds(30)),
                new SimpleMeterRegistry());
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> gate.admit(() -> {
                inside.countDown();
                await(release);
                return null;
            }));
            inside.await();
            long started = System.nanoTime();
            assertThatThrownBy(() -> gate.admit(() -> "never")).isInstanceOf(TooManyRequestsException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not the 30 s wait")
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aSubmissionThatWaitsBrieflyForAFreeSlotIsAdmitted() throws Exception {
        SubmissionGate gate = new SubmissionGate(new AdmissionProperties(1, 4, Duration.ofSeconds(5)),
                new SimpleMeterRegistry());
        CountDownLatch inside = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> gate.admit(() -> {
                inside.countDown();
                sleep(50);
                return null;
            }));
            inside.await();
            assertThat(gate.admit(() -> "after the first")).isEqualTo("after the first");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
