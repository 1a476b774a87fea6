package org.kaimen.testsupport;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.icegreen.greenmail.util.GreenMailUtil;

/** Reads what really arrived at the test SMTP server. */
public final class Mails {

    private Mails() {
    }

    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(TestServices.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
    }

    public static MimeMessage awaitOne(String recipient) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !to(recipient).isEmpty());
        return to(recipient).get(0);
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in a plain-text body that starts with the given prefix. */
    public static String link(MimeMessage message, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "[^\\s]*").matcher(decoded(message));
        if (!m.find()) {
            throw new AssertionError("no link starting with " + prefix + " in:\n" + decoded(message));
        }
        return m.group();
    }

    public static String decoded(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String s ? s : body(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
