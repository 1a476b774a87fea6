package org.kaimen.notifications.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.kaimen.experts.ExpertInvited;
import org.kaimen.experts.InvitationAnswered;
import org.kaimen.experts.InvitationDeliveries;
import org.kaimen.experts.InvitationStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Invitations, reminders and answers for experts, in the expert's language. The dedupe key is the invitation (and
 * the kind of mail), so a replayed event, a retry after an SMTP outage or a restart never sends a second copy.
 */
@Component
class ExpertMails implements InvitationDeliveries {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final MailTemplates templates;
    private final ZoneId zone;

    ExpertMails(MailOutbox outbox, MessageSource messages, MailTemplates templates,
                @Value("${kaimen.time-zone}") String zone) {
        this.outbox = outbox;
        this.messages = messages;
        this.templates = templates;
        this.zone = ZoneId.of(zone);
    }

    @ApplicationModuleListener
    void on(ExpertInvited e) {
        Locale locale = locale(e.locale());
        String kind = messages.getMessage("mail.expert.kind." + e.kind().name().toLowerCase(), null, locale);
        String meeting = e.meetingAt() == null ? ""
                : messages.getMessage("mail.expert.meeting", new Object[] {when(e.meetingAt())}, locale);
        String prefix = e.reminder() ? "mail.expert.reminder" : "mail.expert.invitation";
        outbox.enqueue((e.reminder() ? "expert-reminder:" : "expert-invitation:") + e.invitationId(), e.email(),
                templates.text(prefix + ".subject", new Object[] {e.consultationTitle()}, locale),
                templates.text(prefix + ".body", new Object[] {e.expertName(), e.draftTitle(),
                        e.consultationTitle(), kind, meeting, when(e.answerBy()), when(e.opinionDue()),
                        e.acceptLink(), e.declineLink()}, locale),
                e.reminder() ? "EXPERT_REMINDER" : "EXPERT_INVITATION");
    }

    @ApplicationModuleListener
    void on(InvitationAnswered e) {
        Locale locale = locale(e.locale());
        String key = "mail.expert.answer." + e.status().name().toLowerCase();
        if (e.status() == InvitationStatus.ACCEPTED || e.status() == InvitationStatus.DECLINED
                || e.status() == InvitationStatus.EXPIRED) {
            outbox.enqueue("expert-answer:" + e.invitationId(), e.email(),
                    templates.text(key + ".subject", new Object[] {e.consultationTitle()}, locale),
                    templates.text(key + ".body", new Object[] {e.expertName(), e.consultationTitle(),
                            e.portalLink() == null ? "" : e.portalLink()}, locale),
                    "EXPERT_ANSWER");
        }
    }

    @Override
    public Optional<Delivery> invitation(long invitationId) {
        return outbox.findByDedupeKey("expert-invitation:" + invitationId)
                .map(m -> new Delivery(m.status().name(), m.attempts(), m.lastError()));
    }

    private String when(OffsetDateTime t) {
        return t == null ? "" : WHEN.format(t.atZoneSameInstant(zone));
    }

    private static Locale locale(String tag) {
        return Locale.forLanguageTag(tag == null || tag.isBlank() ? "zh-CN" : tag);
    }
}
