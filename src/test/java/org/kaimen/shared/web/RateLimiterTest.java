package org.kaimen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.kaimen.testsupport.TestClock;

class RateLimiterTest {

    private final TestClock clock = new TestClock(ZoneId.of("Asia/Shanghai"));
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(5), clock);

    @Test
    void theWindowAdmitsItsLimitThenSaysHowLongToWait() {
        assertThat(limiter.acquire("ip:1")).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.acquire("ip:1")).isEmpty();
        assertThat(limiter.acquire("ip:1")).isEmpty();
        assertThat(limiter.acquire("ip:1")).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(4)));
        assertThat(limiter.acquire("ip:2")).as("other keys are not affected").isEmpty();
    }

    @Test
    void slotsFreeUpAsTheWindowSlides() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        assertThat(limiter.acquire("a")).isPresent();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(limiter.acquire("a")).isEmpty();
    }

    @Test
    void refusedRequestsDoNotCountAgainstTheCaller() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("b");
        }
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(limiter.acquire("b")).isEmpty();
        assertThat(limiter.acquire("b")).isEmpty();
        assertThat(limiter.acquire("b")).isEmpty();
    }
}
