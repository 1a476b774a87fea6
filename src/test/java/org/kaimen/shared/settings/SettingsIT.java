package org.kaimen.shared.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.notifications.internal.MailRetention;
import org.kaimen.shared.web.TooManyRequestsException;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Rate limits and retention periods changed by an administrator apply at once, without a restart, and are audited. */
@IntegrationTest
class SettingsIT {

    @Autowired
    Settings settings;
    @Autowired
    CommentService comments;
    @Autowired
    DraftService drafts;
    @Autowired
    MailRetention retention;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    String admin;

    @AfterEach
    void backToTheConfiguration() {
        SignedIn.as(admin, "ROLE_ADMIN", () -> {
            settings.set(Settings.PER_ACCOUNT, settings.configured(Settings.PER_ACCOUNT));
            settings.set(Settings.SENT_MAIL_DAYS, settings.configured(Settings.SENT_MAIL_DAYS));
            return null;
        });
    }

    @Test
    void aLowerPerAccountLimitAppliesToTheNextCommentAndIsAudited() {
        admin = accounts.create(Role.ADMIN);
        String drafter = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(drafter, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "限额测试", true).id());
        String citizen = accounts.create(Role.CITIZEN);
        assertThat(settings.intValue(Settings.PER_ACCOUNT)).isEqualTo(30);

        SignedIn.as(admin, "ROLE_ADMIN", () -> {
            settings.set(Settings.PER_ACCOUNT, 2);
            return null;
        });
        assertThat(settings.isOverridden(Settings.PER_ACCOUNT)).isTrue();
        SignedIn.as(citizen, "ROLE_CITIZEN");
        try {
            submit(draftId, "第一条意见");
            submit(draftId, "第二条意见");
            assertThatThrownBy(() -> submit(draftId, "第三条意见")).isInstanceOf(TooManyRequestsException.class);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'setting.change' AND target_id = :n"
                        + " AND actor = :a").param("n", Settings.PER_ACCOUNT).param("a", admin)
                .query(String.class).list()).containsExactly("30 → 2");

        SignedIn.as(admin, "ROLE_ADMIN", () -> {
            settings.set(Settings.PER_ACCOUNT, 30);
            return null;
        });
        assertThat(settings.isOverridden(Settings.PER_ACCOUNT)).as("the default needs no row").isFalse();
    }

    @Test
    void onlyAdministratorsChangeSettingsAndOnlyWithinTheirRange() {
        admin = accounts.create(Role.ADMIN);
        String clerk = accounts.create(Role.DRAFTER);
        assertThatThrownBy(() -> SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            settings.set(Settings.PER_ACCOUNT, 1000);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignedIn.as(admin, "ROLE_ADMIN", () -> {
            settings.set(Settings.SENT_MAIL_DAYS, 0);
            return null;
        })).hasMessage("settings.error.range");
    }

    @Test
    void sentMailsOlderThanTheRetentionPeriodAreDeletedAndQueuedOnesKept() {
        admin = accounts.create(Role.ADMIN);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long old = mail("SENT", now.minusDays(40), now.minusDays(40));
        long recent = mail("SENT", now.minusDays(5), now.minusDays(5));
        long waiting = mail("QUEUED", now.minusDays(40), null);

        SignedIn.as(admin, "ROLE_ADMIN", () -> {
            settings.set(Settings.SENT_MAIL_DAYS, 30);
            return null;
        });
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(waiting)).isTrue();
        jdbc.sql("DELETE FROM mail_outbox WHERE id IN (:a, :b)").param("a", recent).param("b", waiting).update();
    }

    private void submit(long draftId, String text) {
        comments.submit(new NewComment(draftId, null, Stance.SUPPORT, text, null, null, null, null, null, null,
                false, null, null, null, null, true));
    }

    private long mail(String status, OffsetDateTime created, OffsetDateTime sent) {
        return jdbc.sql("""
                        INSERT INTO mail_outbox (dedupe_key, recipient, subject, body_text, kind, status,
                                                 next_attempt_at, message_id, created_at, sent_at)
                        VALUES (:key, 'old@example.org', 's', 'b', 'TEST', :status, :next, :mid, :created, :sent)
                        RETURNING id""")
                .param("key", "retention-test-" + java.util.UUID.randomUUID()).param("status", status)
                .param("created", created).param("sent", sent)
                // Never due: the sender must leave the queued one alone.
                .param("next", created.plusYears(10))
                .param("mid", "<" + java.util.UUID.randomUUID() + "@kaimen>").query(Long.class).single();
    }

    private boolean exists(long id) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE id = :id").param("id", id).query(Long.class)
                .single() == 1;
    }
}
