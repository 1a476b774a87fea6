package org.kaimen.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.kaimen.feedback.ReportPublished;
import org.kaimen.hearings.HearingService;
import org.kaimen.hearings.Outcome;
import org.kaimen.hearings.ParticipantRegistered;
import org.kaimen.hearings.ParticipantsNotified;
import org.kaimen.hearings.Participation;
import org.kaimen.hearings.TranscriptSentForReview;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hearing mails: the registration confirmation, the outcome of the lottery (the selected speakers get the draft,
 * its explanation and an .ics invitation, 山东听证规定第十四条), the transcript review link (第二十七条) and, once the
 * draft's adoption report is out, how the views were handled (第三十条). One mail per person and fact, even on replay.
 */
@Component
class HearingMails {

    private final MailTemplates templates;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MailOutbox outbox;
    private final HearingService hearings;
    private final MessageSource messages;
    private final String baseUrl;
    private final ZoneId zone;

    HearingMails(MailOutbox outbox, HearingService hearings, MessageSource messages, MailTemplates templates,
                 @Value("${kaimen.base-url}") String baseUrl,
                 @Value("${kaimen.time-zone:Asia/Shanghai}") String zone) {
        this.templates = templates;
        this.outbox = outbox;
        this.hearings = hearings;
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.zone = ZoneId.of(zone);
    }

    @ApplicationModuleListener
    void on(ParticipantRegistered e) {
        Locale locale = locale(e.locale());
        String role = msg(e.role() == Participation.SPEAKER ? "mail.hearing.role.speaker"
                : "mail.hearing.role.observer", locale);
        outbox.enqueue("hearing-registered:" + e.registrationId(), e.email(),
                msg("mail.hearing.registered.subject", locale, e.hearingTitle()),
                msg("mail.hearing.registered.body", locale, e.name(), e.hearingTitle(), role, e.number(),
                        when(e.startsAt()), baseUrl + "/hearings/" + e.hearingId()),
                "HEARING_REGISTERED");
    }

    @ApplicationModuleListener
    void on(ParticipantsNotified e) {
        HearingService.Materials m = hearings.materials(e.hearingId());
        for (ParticipantsNotified.Recipient r : e.recipients()) {
            Locale locale = locale(r.locale());
            String key = "mail.hearing." + e.role().name().toLowerCase() + "." + r.outcome().name().toLowerCase();
            String subject = msg(key + ".subject", locale, m.hearingTitle());
            String body = msg(key + ".body", locale, r.name(), m.hearingTitle(), when(m.startsAt()), m.where(),
                    r.rank() == null ? "" : r.rank(), m.speakingMinutes(), m.draftTitle(),
                    m.explanation() == null ? "" : m.explanation(), m.draftUrl(), m.hearingUrl(), r.number());
            // Keyed by outcome too: a speaker on the waiting list who moves up gets a second, different mail.
            String dedupe = "hearing-outcome:" + e.hearingId() + ":" + r.registrationId() + ":" + r.outcome();
            boolean invited = r.outcome() == Outcome.SELECTED || r.outcome() == Outcome.ADMITTED;
            if (e.role() == Participation.SPEAKER && r.outcome() == Outcome.SELECTED) {
                outbox.enqueue(dedupe, r.email(), subject, body, "HEARING_SELECTED", List.of(
                        new MailOutbox.Attachment("hearing.ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                                m.ics()),
                        new MailOutbox.Attachment("draft.txt", "text/plain; charset=UTF-8",
                                m.draftText().getBytes(StandardCharsets.UTF_8))));
            } else if (invited) {
                outbox.enqueue(dedupe, r.email(), subject, body, "HEARING_ADMITTED", List.of(
                        new MailOutbox.Attachment("hearing.ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                                m.ics())));
            } else {
                outbox.enqueue(dedupe, r.email(), subject, body, "HEARING_NOT_SELECTED");
            }
        }
    }

    @ApplicationModuleListener
    void on(TranscriptSentForReview e) {
        for (TranscriptSentForReview.ReviewLink l : e.links()) {
            Locale locale = locale(l.locale());
            outbox.enqueue("hearing-review:" + l.tokenId(), l.email(),
                    msg("mail.hearing.review.subject", locale, e.hearingTitle()),
                    msg("mail.hearing.review.body", locale, l.name(), e.hearingTitle(), l.link(),
                            when(e.reviewUntil())), "HEARING_REVIEW");
        }
    }

    @ApplicationModuleListener
    void on(ReportPublished e) {
        for (HearingService.Participant p : hearings.participantsOfDraft(e.draftId())) {
            Locale locale = locale(p.locale());
            String hearingReport = p.reportPublished() ? baseUrl + "/hearings/" + p.hearingId() + "/report" : "";
            outbox.enqueue("hearing-handled:" + e.draftId() + ":" + p.registrationId(), p.email(),
                    msg("mail.hearing.handled.subject", locale, e.draftTitle()),
                    msg("mail.hearing.handled.body", locale, p.name(), p.hearingTitle(), e.draftTitle(),
                            baseUrl + "/drafts/" + e.draftId() + "/report", hearingReport), "HEARING_HANDLED");
        }
    }

    private String when(OffsetDateTime t) {
        return WHEN.format(t.atZoneSameInstant(zone));
    }

    /** Subjects and bodies may carry an administrator's wording; other keys (roles) come from the messages. */
    private String msg(String key, Locale locale, Object... args) {
        return key.endsWith(".subject") || key.endsWith(".body") ? templates.text(key, args, locale)
                : messages.getMessage(key, args, locale);
    }

    private static Locale locale(String tag) {
        return Locale.forLanguageTag(tag == null ? "zh-CN" : tag);
    }
}
