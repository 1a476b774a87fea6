package org.kaimen.notifications.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Dev only: a real SMTP server on loopback, so registration and reset mails can be sent and read (Outbox page). */
@Component
@ConditionalOnProperty(name = "kaimen.mail.embedded.enabled", havingValue = "true")
class EmbeddedSmtpServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);
    private final GreenMail greenMail;

    EmbeddedSmtpServer(@Value("${kaimen.mail.embedded.smtp-port}") int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            greenMail.start();
            log.info("Dev SMTP server listening on 127.0.0.1:{}", port);
        } catch (RuntimeException e) {
            // Another dev instance may hold the port; mails then queue in the outbox and go out once one listens.
            log.warn("Dev SMTP server could not start on port {}: {}", port, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
