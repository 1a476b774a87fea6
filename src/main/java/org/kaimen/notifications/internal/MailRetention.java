package org.kaimen.notifications.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.kaimen.shared.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes mails from the outbox once they are older than the retention period ({@link Settings#SENT_MAIL_DAYS}): a
 * sent mail holds a recipient's address and text, personal data that is kept no longer than needed
 * (个人信息保护法 art. 19). Mails still waiting to be sent are never deleted.
 */
@Component
public class MailRetention {

    private static final Logger log = LoggerFactory.getLogger(MailRetention.class);

    private final JdbcClient jdbc;
    private final Settings settings;
    private final Clock clock;

    MailRetention(JdbcClient jdbc, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many mails were deleted */
    @Scheduled(cron = "0 30 3 * * *", zone = "${kaimen.time-zone}")
    public int purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minusDays(settings.intValue(Settings.SENT_MAIL_DAYS));
        int deleted = jdbc.sql("""
                        DELETE FROM mail_outbox
                        WHERE (status = 'SENT' AND sent_at < :cutoff) OR (status = 'FAILED' AND created_at < :cutoff)""")
                .param("cutoff", cutoff).update();
        if (deleted > 0) {
            log.info("Deleted {} mails older than the retention period", deleted);
        }
        return deleted;
    }
}
