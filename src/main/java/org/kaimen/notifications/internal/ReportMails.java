package org.kaimen.notifications.internal;

import java.util.Locale;
import org.kaimen.accounts.AccountSummary;
import org.kaimen.feedback.FeedbackService;
import org.kaimen.feedback.ReportPublished;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells those who asked that a draft's adoption report is out; one mail per person and draft, even on replay. */
@Component
class ReportMails {

    private final MailOutbox outbox;
    private final FeedbackService feedback;
    private final MailTemplates templates;
    private final String baseUrl;

    ReportMails(MailOutbox outbox, FeedbackService feedback, MailTemplates templates,
                @Value("${kaimen.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.feedback = feedback;
        this.templates = templates;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void on(ReportPublished e) {
        for (AccountSummary a : feedback.subscribers(e.draftId())) {
            if (a.email() == null || a.email().isBlank()) {
                continue;
            }
            Locale locale = Locale.forLanguageTag(a.locale() == null ? "zh-CN" : a.locale());
            outbox.enqueue("report-published:" + e.draftId() + ":" + a.id(), a.email(),
                    templates.text("mail.report.subject", new Object[] {e.draftTitle()}, locale),
                    templates.text("mail.report.body", new Object[] {a.displayName(), e.draftTitle(),
                            baseUrl + "/drafts/" + e.draftId() + "/report", baseUrl + "/my-comments"}, locale),
                    "REPORT_PUBLISHED");
        }
    }
}
