package org.kaimen.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drains the outbox: sends due mails, retries failures with capped exponential back-off, gives up after days. */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration STALE_CLAIM = Duration.ofMinutes(5);

    private final MailOutbox outbox;
    private final JavaMailSender sender;
    private final MailProperties properties;
    private final Clock clock;
    private final MailMetrics metrics;

    OutboxSender(MailOutbox outbox, JavaMailSender sender, MailProperties properties, Clock clock,
                 MailMetrics metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kaimen.mail.outbox.poll-interval}", initialDelayString = "PT3S")
    public void drain() {
        int sent;
        do {
            sent = sendBatch();
        } while (sent == properties.outbox().batchSize());
    }

    /** @return how many mails were claimed in this batch */
    public int sendBatch() {
        var batch = outbox.claimDue(properties.outbox().batchSize(), STALE_CLAIM);
        for (MailOutbox.Mail mail : batch) {
            try {
                sender.send(toMessage(mail));
                outbox.markSent(mail.id());
                metrics.sent(mail.kind());
            } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                handleFailure(mail, e);
            }
        }
        return batch.size();
    }

    private void handleFailure(MailOutbox.Mail mail, Exception e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String error = rootMessage(e);
        if (permanent(e) || mail.createdAt().plus(properties.outbox().giveUpAfter()).isBefore(now)) {
            log.warn("Mail {} to {} failed for good: {}", mail.id(), mail.recipient(), error);
            outbox.markFailed(mail.id(), error);
            metrics.failed(mail.kind());
            return;
        }
        Duration delay = backoff(mail.attempts());
        log.info("Mail {} to {} failed (attempt {}), retrying in {}: {}", mail.id(), mail.recipient(),
                mail.attempts() + 1, delay, error);
        outbox.markRetry(mail.id(), error, now.plus(delay));
    }

    /** first, 2×first, 4×first … capped: a few quick tries for a blip, then steady tries for a long outage. */
    Duration backoff(int attemptsSoFar) {
        Duration first = properties.outbox().firstRetry();
        Duration cap = properties.outbox().maxRetryInterval();
        if (attemptsSoFar >= 20) {
            return cap;
        }
        Duration d = first.multipliedBy(1L << attemptsSoFar);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private MimeMessage toMessage(MailOutbox.Mail mail) throws MessagingException, UnsupportedEncodingException {
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession()
                : Session.getInstance(new Properties());
        // A fixed Message-ID across retries lets receiving servers drop a copy that got through before a crash.
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", mail.messageId());
            }
        };
        var attachments = outbox.attachments(mail.id());
        MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
        InternetAddress from = new InternetAddress(properties.from());
        helper.setFrom(new InternetAddress(from.getAddress(), from.getPersonal(), "UTF-8"));
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.bodyText(), false);
        for (MailOutbox.Attachment a : attachments) {
            helper.addAttachment(a.filename(), new ByteArrayResource(a.content()), a.contentType());
        }
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    private static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException s && s.getInvalidAddresses() != null
                    && s.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t instanceof jakarta.mail.internet.AddressException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
