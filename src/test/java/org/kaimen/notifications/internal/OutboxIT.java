package org.kaimen.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Mails;
import org.kaimen.testsupport.TestServices;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class OutboxIT {

    @Autowired
    MailOutbox outbox;

    @AfterEach
    void mailServerBack() {
        if (!TestServices.greenMail().isRunning()) {
            TestServices.startMailAgain();
        }
    }

    @Test
    void aQueuedMailIsDeliveredOnceWithItsChineseSubjectIntact() {
        String to = "once-" + UUID.randomUUID() + "@example.org";
        assertThat(outbox.enqueue("test:" + to, to, "【开门立法】回执", "您的意见已收到。", "TEST")).isTrue();
        assertThat(outbox.enqueue("test:" + to, to, "【开门立法】回执", "您的意见已收到。", "TEST"))
                .as("same dedupe key").isFalse();

        await().atMost(Duration.ofSeconds(15)).until(() -> status(to) == MailOutbox.Status.SENT);
        assertThat(Mails.to(to)).hasSize(1);
        assertThat(Mails.subject(Mails.to(to).get(0))).isEqualTo("【开门立法】回执");
        assertThat(Mails.decoded(Mails.to(to).get(0))).contains("您的意见已收到");
    }

    @Test
    void whileTheMailServerIsDownMailsWaitAndRetryThenArriveExactlyOnce() throws Exception {
        TestServices.stopMail();
        String to = "outage-" + UUID.randomUUID() + "@example.org";
        outbox.enqueue("outage:" + to, to, "Invitation", "Please come.", "TEST");

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            MailOutbox.Mail m = mail(to);
            return m.attempts() >= 1 && m.status() == MailOutbox.Status.QUEUED && m.lastError() != null;
        });
        MailOutbox.Mail waiting = mail(to);
        assertThat(waiting.nextAttemptAt()).isAfter(waiting.createdAt());

        TestServices.startMailAgain();
        await().atMost(Duration.ofSeconds(40)).until(() -> status(to) == MailOutbox.Status.SENT);
        Thread.sleep(1000);
        assertThat(Mails.to(to)).hasSize(1);
        assertThat(mail(to).attempts()).isGreaterThanOrEqualTo(2);
    }

    private MailOutbox.Status status(String to) {
        return mail(to).status();
    }

    private MailOutbox.Mail mail(String to) {
        return outbox.findByRecipient(to).get(0);
    }
}
