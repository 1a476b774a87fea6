package org.kaimen.hearings.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.kaimen.drafts.DraftService;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.infra.SqlArrays;
import org.kaimen.shared.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases hearing registrants' names, e-mail addresses and stated expertise once the hearing has been over for longer
 * than the retention period ({@link Settings#HEARING_REGISTRANT_DAYS}; 个人信息保护法 第十九条). "Over" is the latest
 * of the hearing's start, its holding, the end of the transcript review and the publication of its report, and the
 * draft's consultation must have closed as long ago: until the draft's adoption report is out, registrants are told
 * how their views were handled (第三十条). The public record never names them (陈述人N, the lottery's numbers), so
 * the registration stays as a numbered row with its role, sector, district, stances and outcome. Their statements,
 * taken into the comments, follow the comments' own retention. Links mailed to them are deleted.
 *
 * <p>Idempotent: only registrations that still hold a name or address are touched.
 */
@Component
public class RegistrantRetention {

    private static final Logger log = LoggerFactory.getLogger(RegistrantRetention.class);

    private final JdbcClient jdbc;
    private final DraftService drafts;
    private final Settings settings;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    RegistrantRetention(JdbcClient jdbc, DraftService drafts, Settings settings, AuditLog audit, TransactionTemplate tx,
                        Clock clock) {
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.settings = settings;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Nightly, on one instance at a time. */
    @Scheduled(cron = "0 50 3 * * *", zone = "${kaimen.time-zone}")
    @SchedulerLock(name = "hearing-registrant-retention", lockAtMostFor = "PT30M")
    public void run() {
        purge();
    }

    /** @return how many registrations lost personal data in this run */
    public int purge() {
        int days = settings.intValue(Settings.HEARING_REGISTRANT_DAYS);
        if (days <= 0) {
            return 0;
        }
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minusDays(days);
        List<Long> closedDrafts = drafts.consultationsClosedBefore(cutoff);
        if (closedDrafts.isEmpty()) {
            return 0;
        }
        List<Long> due = jdbc.sql("""
                        SELECT id FROM hearing
                        WHERE draft_id = ANY (CAST(:drafts AS BIGINT[]))
                          AND GREATEST(starts_at, held_at, review_until, report_published_at) <= :cutoff
                        ORDER BY id""")
                .param("drafts", SqlArrays.bigints(closedDrafts)).param("cutoff", cutoff).query(Long.class).list();
        int total = 0;
        for (long hearingId : due) {
            Integer erased = tx.execute(status -> {
                jdbc.sql("""
                                DELETE FROM hearing_token WHERE registration_id IN
                                    (SELECT id FROM hearing_registration WHERE hearing_id = :h)""")
                        .param("h", hearingId).update();
                int n = jdbc.sql("""
                                UPDATE hearing_registration SET name = NULL, email = NULL, expertise = NULL
                                WHERE hearing_id = :h
                                  AND (name IS NOT NULL OR email IS NOT NULL OR expertise IS NOT NULL)""")
                        .param("h", hearingId).update();
                if (n > 0) {
                    audit.record("hearing.retention", "hearing", hearingId,
                            n + " registrations, " + days + " days after the hearing");
                }
                return n;
            });
            if (erased != null && erased > 0) {
                log.info("Erased the names and e-mail addresses of {} registrants of hearing {}", erased, hearingId);
                total += erased;
            }
        }
        return total;
    }
}
