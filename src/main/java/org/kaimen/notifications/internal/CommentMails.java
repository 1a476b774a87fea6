package org.kaimen.notifications.internal;

import java.util.Locale;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.CommentSubmitted;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The receipt (回执) for a comment, to whoever gave an address; sent once per comment. */
@Component
class CommentMails {

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final MailTemplates templates;
    private final String baseUrl;

    CommentMails(MailOutbox outbox, MessageSource messages, MailTemplates templates,
                 @Value("${kaimen.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.messages = messages;
        this.templates = templates;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void on(CommentSubmitted e) {
        if (e.email() == null || e.email().isBlank()) {
            return;
        }
        Locale locale = Locale.forLanguageTag(e.locale() == null ? "zh-CN" : e.locale());
        String where = e.provisionLabel() == null ? messages.getMessage("mail.receipt.whole-draft", null, locale)
                : e.provisionLabel();
        String status = e.status() == CommentStatus.HELD ? messages.getMessage("mail.receipt.held", null, locale) : "";
        outbox.enqueue("comment-receipt:" + e.commentId(), e.email(),
                templates.text("mail.receipt.subject", new Object[] {e.receipt()}, locale),
                templates.text("mail.receipt.body", new Object[] {e.draftTitle(), where, e.receipt(), status,
                        baseUrl + "/my-comments"}, locale), "COMMENT_RECEIPT");
    }
}
