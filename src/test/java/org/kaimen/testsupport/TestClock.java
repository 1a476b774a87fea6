package org.kaimen.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests can move forward; it follows real time otherwise, so scheduled work still runs. */
public class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock c = new TestClock(zone);
        c.offset = offset;
        return c;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
