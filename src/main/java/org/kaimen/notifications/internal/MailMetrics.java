package org.kaimen.notifications.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox in figures: mails queued, sent and given up ({@code kaimen_mails_*_total{kind}}), and the backlog of
 * mails waiting to go out ({@code kaimen_mail_outbox_backlog}), which rises during an SMTP outage and should fall
 * back to about zero once it ends.
 */
@Component
public class MailMetrics {

    private final MeterRegistry registry;

    public MailMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        Gauge.builder("kaimen.mail.outbox.backlog", jdbc, j -> j.sql(
                        "SELECT count(*) FROM mail_outbox WHERE status IN ('QUEUED', 'SENDING')")
                        .query(Long.class).single())
                .description("Mails queued or being sent, retries included").register(registry);
        for (String outcome : new String[] {"queued", "sent", "failed"}) {
            counter(outcome, "none");
        }
    }

    public void queued(String kind) {
        counter("queued", kind).increment();
    }

    public void sent(String kind) {
        counter("sent", kind).increment();
    }

    /** A mail given up for good (invalid address, or retried for longer than the give-up period). */
    public void failed(String kind) {
        counter("failed", kind).increment();
    }

    private Counter counter(String outcome, String kind) {
        return Counter.builder("kaimen.mails." + outcome).tag("kind", kind == null ? "none" : kind)
                .description("Mails " + outcome + ", by kind").register(registry);
    }
}
