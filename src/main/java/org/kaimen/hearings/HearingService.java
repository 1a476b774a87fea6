package org.kaimen.hearings;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.ExternalComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.Provision;
import org.kaimen.hearings.internal.HearingRepository;
import org.kaimen.hearings.internal.HearingTokens;
import org.kaimen.hearings.internal.Ics;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.web.KaimenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legislative hearings after 山东省人大常委会制定地方性法规听证规定 (2019): the work plan (第七条), the notice (第十条),
 * registration (第十一条), the published speaker lottery (第十二、十三条), notices to speakers and observers
 * (第十四、十六条), the transcript and its review by the speakers (第二十七条), the report (第二十八条) and the views
 * fed to the feedback desk so that every speaker learns how they were handled (第三十条).
 */
@Service
public class HearingService {

    private static final String STAFF = "hasAnyRole('DRAFTER','ADMIN')";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long the hearing is booked in the calendar invitation. */
    private static final Duration HEARING_LENGTH = Duration.ofHours(3);

    private final HearingRepository hearings;
    private final HearingTokens tokens;
    private final DraftService drafts;
    private final CommentService comments;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final int defaultNoticeDays;
    private final int reviewDays;
    private final String baseUrl;

    public HearingService(HearingRepository hearings, HearingTokens tokens, DraftService drafts,
                          CommentService comments, ApplicationEventPublisher events, AuditLog audit, Clock clock,
                          @Value("${kaimen.hearings.notice-days:20}") int defaultNoticeDays,
                          @Value("${kaimen.hearings.review-days:5}") int reviewDays,
                          @Value("${kaimen.base-url}") String baseUrl) {
        this.hearings = hearings;
        this.tokens = tokens;
        this.drafts = drafts;
        this.comments = comments;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.defaultNoticeDays = defaultNoticeDays;
        this.reviewDays = reviewDays;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public int defaultNoticeDays() {
        return defaultNoticeDays;
    }

    // ------------------------------------------------------------------ plan and notice

    @PreAuthorize(STAFF)
    @Transactional
    public long create(HearingPlan plan) {
        DraftSummary draft = drafts.get(plan.draftId());
        require(plan.title() != null && !plan.title().isBlank(), "hearings.error.title");
        require(plan.startsAt() != null && plan.startsAt().isAfter(now()), "hearings.error.starts-at");
        require((plan.place() != null && !plan.place().isBlank())
                || (plan.onlineLink() != null && !plan.onlineLink().isBlank()), "hearings.error.place");
        require(plan.matters() != null && !plan.matters().isEmpty(), "hearings.error.matters");
        List<Hearer> hearers = plan.hearers() == null ? List.of() : plan.hearers();
        require(hearers.size() >= 3 && hearers.size() % 2 == 1, "hearings.error.hearers-odd");
        require(hearers.stream().filter(Hearer::presiding).count() == 1, "hearings.error.presiding");
        require(plan.speakerCapacity() > 0 && plan.observerCapacity() >= 0, "hearings.error.capacity");
        List<Provision> tree = drafts.tree(draft.id(), 0);
        List<List<Long>> provisionIds = new ArrayList<>();
        for (HearingPlan.MatterPlan m : plan.matters()) {
            require(m.title() != null && !m.title().isBlank(), "hearings.error.matters");
            List<Long> ids = new ArrayList<>();
            for (String key : m.provisionKeys() == null ? List.<String>of() : m.provisionKeys()) {
                Provision p = Provision.find(tree, key.strip());
                if (p == null) {
                    throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "hearings.error.provision", key);
                }
                ids.add(p.id());
            }
            provisionIds.add(ids);
        }
        int noticeDays = plan.noticeDays() == null ? defaultNoticeDays : plan.noticeDays();
        long id = hearings.insert(draft.id(), plan.title().strip(), blankToNull(plan.place()),
                blankToNull(plan.onlineLink()), plan.startsAt(), noticeDays, plan.speakerCapacity(),
                plan.observerCapacity(), plan.speakingMinutes() > 0 ? plan.speakingMinutes() : 8, user(), now());
        for (int i = 0; i < plan.matters().size(); i++) {
            hearings.insertMatter(id, i + 1, plan.matters().get(i).title().strip(), provisionIds.get(i));
        }
        for (int i = 0; i < hearers.size(); i++) {
            hearings.insertHearer(id, i + 1, hearers.get(i));
        }
        audit.record("hearing.created", "hearing", id, plan.title());
        return id;
    }

    /**
     * Publishes the notice on the site and opens registration. Registration closes a day before the speakers must
     * be fixed (10 days before the hearing), so the seed can be announced and the draw held in time.
     */
    @PreAuthorize(STAFF)
    @Transactional
    public void announce(long id) {
        Hearing h = staffGet(id);
        if (h.announced()) {
            return;
        }
        hearings.announce(id, now(), h.startsAt().minusDays(11));
        audit.record("hearing.announced", "hearing", id, null);
    }

    /** Hearings the public can see: announced ones. */
    @Transactional(readOnly = true)
    public List<Hearing> publicHearings() {
        return hearings.announced().stream().map(this::withLabels).toList();
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Hearing> allHearings() {
        return hearings.all().stream().map(this::withLabels).toList();
    }

    /** A hearing the current user may see: announced ones for everybody, all for staff. */
    @Transactional(readOnly = true)
    public Optional<Hearing> find(long id) {
        return hearings.find(id).filter(h -> h.announced() || isStaff()).map(this::withLabels);
    }

    public Hearing get(long id) {
        return find(id).orElseThrow(HearingService::notFound);
    }

    public List<TimelineStep> timeline(long id) {
        return HearingTimeline.check(get(id), now());
    }

    // ------------------------------------------------------------------ registration

    /**
     * A public registration. Speakers state their stance on every matter and their key points (第十一条).
     *
     * @return the registration number, which is also the speaker's entry in the published lottery
     */
    @Transactional
    public int register(long hearingId, RegistrationForm form) {
        Hearing h = hearings.find(hearingId).filter(Hearing::announced).orElseThrow(HearingService::notFound);
        if (!h.registrationOpen(now())) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.registration-closed");
        }
        return addRegistration(h, form, false);
    }

    /** An expert or a representative the hearing body invites directly (第十二条); they take a seat outside the lottery. */
    @PreAuthorize(STAFF)
    @Transactional
    public int invite(long hearingId, RegistrationForm form) {
        Hearing h = staffGet(hearingId);
        if (h.drawnAt() != null) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.already-drawn");
        }
        int number = addRegistration(h, new RegistrationForm(Participation.SPEAKER, form.name(), form.email(),
                form.sector(), form.district(), form.expertise(), form.keyPoints(), form.stances(), form.locale()),
                true);
        audit.record("hearing.invited", "hearing", hearingId, "#" + number);
        return number;
    }

    private int addRegistration(Hearing h, RegistrationForm form, boolean invited) {
        require(form.role() != null, "hearings.error.role");
        String name = form.name() == null ? "" : form.name().strip();
        String email = form.email() == null ? "" : form.email().strip();
        require(!name.isEmpty() && name.length() <= 100, "hearings.error.name");
        require(EMAIL.matcher(email).matches() && email.length() <= 200, "hearings.error.email");
        Map<Long, Side> stances = form.stances() == null ? Map.of() : form.stances();
        if (form.role() == Participation.SPEAKER) {
            require(h.matters().stream().allMatch(m -> stances.get(m.id()) != null), "hearings.error.stances");
            require(stances.keySet().stream().allMatch(k -> h.matters().stream().anyMatch(m -> m.id() == k)),
                    "hearings.error.stances");
            require(form.keyPoints() != null && !form.keyPoints().isBlank()
                    && form.keyPoints().length() <= 3000, "hearings.error.key-points");
            require(form.sector() != null && !form.sector().isBlank(), "hearings.error.sector");
            require(form.district() != null && !form.district().isBlank(), "hearings.error.district");
        }
        if (hearings.registered(h.id(), form.role(), email)) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.already-registered");
        }
        String locale = form.locale() == null || form.locale().isBlank() ? "zh-CN" : form.locale();
        long regId = hearings.register(h.id(), form.role(), name, email, trim(form.sector()),
                trim(form.district()), trim(form.expertise()), trim(form.keyPoints()), locale, invited, now());
        if (form.role() == Participation.SPEAKER) {
            stances.forEach((matter, side) -> hearings.stance(regId, matter, side));
        }
        int number = hearings.registrations(h.id()).stream().filter(r -> r.id() == regId).findFirst()
                .orElseThrow().number();
        events.publishEvent(new ParticipantRegistered(regId, h.id(), h.title(), h.startsAt(), number, form.role(),
                name, email, locale));
        return number;
    }

    /** Names and addresses of registrants: staff only, and every read is audited. */
    @PreAuthorize(STAFF)
    @Transactional
    public List<Registration> registrations(long hearingId) {
        staffGet(hearingId);
        audit.record("hearing.registrations.read", "hearing", hearingId, null);
        return hearings.registrations(hearingId);
    }

    // ------------------------------------------------------------------ the lottery

    /**
     * Closes registration and announces the seed before the draw. Without a value of the clerk's choice (for
     * example the numbers of a public lottery drawn that day) a random one is generated and recorded.
     */
    @PreAuthorize(STAFF)
    @Transactional
    public String announceSeed(long hearingId, String publicValue) {
        Hearing h = staffGet(hearingId);
        require(h.announced(), "hearings.error.not-announced");
        if (h.seed() != null) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.seed-announced");
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String seed = publicValue == null || publicValue.isBlank() ? HexFormat.of().formatHex(bytes)
                : publicValue.strip();
        OffsetDateTime now = now();
        if (h.registrationClosesAt() == null || h.registrationClosesAt().isAfter(now)) {
            hearings.announce(hearingId, h.announcedAt(), now);
        }
        hearings.announceSeed(hearingId, seed, now);
        audit.record("hearing.seed", "hearing", hearingId, seed);
        return seed;
    }

    /**
     * Draws the speakers with the announced seed (see {@link SpeakerLottery}); invited speakers keep their seats and
     * speak after the drawn ones. Observers are admitted in order of registration up to the capacity (第十三条:
     * 报名顺序).
     */
    @PreAuthorize(STAFF)
    @Transactional
    public LotteryRecord draw(long hearingId) {
        hearings.lock(hearingId);
        Hearing h = staffGet(hearingId);
        if (h.seed() == null) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.no-seed");
        }
        if (h.drawnAt() != null) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.already-drawn");
        }
        List<Registration> all = hearings.registrations(hearingId);
        List<Registration> invited = all.stream().filter(r -> r.role() == Participation.SPEAKER && r.invited())
                .toList();
        int seats = Math.max(0, h.speakerCapacity() - invited.size());
        SpeakerLottery.Draw draw = SpeakerLottery.draw(h.seed(), candidates(all), seats);
        Map<Integer, Registration> byNumber = new HashMap<>();
        all.forEach(r -> byNumber.put(r.number(), r));
        int order = 1;
        for (int number : draw.selected()) {
            hearings.outcome(byNumber.get(number).id(), Outcome.SELECTED, null, order++);
        }
        for (Registration r : invited) {
            hearings.outcome(r.id(), Outcome.SELECTED, null, order++);
        }
        int rank = 1;
        for (int number : draw.waiting()) {
            hearings.outcome(byNumber.get(number).id(), Outcome.WAITING, rank++, null);
        }
        for (int number : draw.notSelected()) {
            hearings.outcome(byNumber.get(number).id(), Outcome.NOT_SELECTED, null, null);
        }
        int admitted = 0;
        for (Registration r : all) {
            if (r.role() == Participation.OBSERVER) {
                boolean in = admitted < h.observerCapacity();
                hearings.outcome(r.id(), in ? Outcome.ADMITTED : Outcome.NOT_SELECTED, null, null);
                admitted += in ? 1 : 0;
            }
        }
        hearings.stamp(hearingId, "drawn_at", now());
        audit.record("hearing.drawn", "hearing", hearingId, "seed " + h.seed());
        return lottery(hearingId).orElseThrow();
    }

    /** The published lottery: public once the seed is announced (the inputs are fixed by then). */
    @Transactional(readOnly = true)
    public Optional<LotteryRecord> lottery(long hearingId) {
        Hearing h = hearings.find(hearingId).filter(x -> x.announced() || isStaff()).orElseThrow(HearingService::notFound);
        if (h.seed() == null) {
            return Optional.empty();
        }
        List<Registration> all = hearings.registrations(hearingId);
        List<Integer> invited = all.stream().filter(r -> r.role() == Participation.SPEAKER && r.invited())
                .map(Registration::number).toList();
        int seats = Math.max(0, h.speakerCapacity() - invited.size());
        SpeakerLottery.Draw result = null;
        if (h.drawnAt() != null) {
            List<Integer> selected = all.stream().filter(r -> !r.invited() && r.outcome() == Outcome.SELECTED
                    && r.role() == Participation.SPEAKER).sorted(java.util.Comparator.comparing(
                    Registration::speakingOrder)).map(Registration::number).toList();
            List<Integer> waiting = all.stream().filter(r -> r.outcome() == Outcome.WAITING)
                    .sorted(java.util.Comparator.comparing(Registration::waitingRank)).map(Registration::number)
                    .toList();
            List<Integer> rest = all.stream().filter(r -> r.role() == Participation.SPEAKER
                    && r.outcome() == Outcome.NOT_SELECTED).map(Registration::number).toList();
            result = new SpeakerLottery.Draw(selected, waiting, rest);
        }
        return Optional.of(new LotteryRecord(hearingId, h.seed(), h.seedAnnouncedAt(), seats, candidates(all),
                invited, result, h.drawnAt()));
    }

    private static List<SpeakerLottery.Candidate> candidates(List<Registration> all) {
        return all.stream().filter(r -> r.role() == Participation.SPEAKER && !r.invited())
                .map(r -> new SpeakerLottery.Candidate(r.number(), r.side(), r.sector(), r.district())).toList();
    }

    /**
     * A selected speaker cannot attend: the first on the waiting list of the same side takes the seat and the
     * speaking order (else the first on the list), so the balance of the draw holds; they are told by mail at once.
     *
     * @return the registration number of the speaker who moved up, if anyone was waiting
     */
    @PreAuthorize(STAFF)
    @Transactional
    public Optional<Integer> withdraw(long hearingId, long registrationId) {
        hearings.lock(hearingId);
        Hearing h = staffGet(hearingId);
        if (h.locked() || h.heldAt() != null) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.locked");
        }
        List<Registration> all = hearings.registrations(hearingId);
        Registration gone = all.stream().filter(r -> r.id() == registrationId && r.outcome() == Outcome.SELECTED)
                .findFirst().orElseThrow(HearingService::notFound);
        hearings.outcome(gone.id(), Outcome.WITHDRAWN, null, null);
        audit.record("hearing.withdrawn", "hearing", hearingId, "#" + gone.number());
        List<Registration> waiting = all.stream().filter(r -> r.outcome() == Outcome.WAITING)
                .sorted(java.util.Comparator.comparing(Registration::waitingRank)).toList();
        Optional<Registration> next = waiting.stream().filter(r -> r.side() == gone.side()).findFirst()
                .or(() -> waiting.stream().findFirst());
        next.ifPresent(r -> {
            hearings.outcome(r.id(), Outcome.SELECTED, null, gone.speakingOrder());
            if (h.speakersNotifiedAt() != null) {
                events.publishEvent(new ParticipantsNotified(hearingId, Participation.SPEAKER, List.of(
                        new ParticipantsNotified.Recipient(r.id(), r.number(), r.name(), r.email(), r.locale(),
                                Outcome.SELECTED, gone.speakingOrder()))));
            }
            audit.record("hearing.promoted", "hearing", hearingId, "#" + r.number());
        });
        return next.map(Registration::number);
    }

    /** Tells the speakers (the selected with the materials and a calendar invitation, 第十四条). */
    @PreAuthorize(STAFF)
    @Transactional
    public void notifySpeakers(long hearingId) {
        notifyParticipants(hearingId, Participation.SPEAKER, "speakers_notified_at");
    }

    /** Tells the observers whether they have a seat (第十六条). */
    @PreAuthorize(STAFF)
    @Transactional
    public void notifyObservers(long hearingId) {
        notifyParticipants(hearingId, Participation.OBSERVER, "observers_notified_at");
    }

    private void notifyParticipants(long hearingId, Participation role, String step) {
        Hearing h = staffGet(hearingId);
        if (h.drawnAt() == null) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.not-drawn");
        }
        List<ParticipantsNotified.Recipient> recipients = hearings.registrations(hearingId).stream()
                .filter(r -> r.role() == role)
                .map(r -> new ParticipantsNotified.Recipient(r.id(), r.number(), r.name(), r.email(),
                        r.locale(), r.outcome(), r.outcome() == Outcome.WAITING ? r.waitingRank() : r.speakingOrder()))
                .toList();
        hearings.stamp(hearingId, step, now());
        events.publishEvent(new ParticipantsNotified(hearingId, role, recipients));
        audit.record("hearing.notified", "hearing", hearingId, role.name());
    }

    /**
     * What the selected speakers receive (第十四条): the calendar invitation, the draft's text and its explanation.
     * Read by the mail listener, which runs without a signed-in user, so it does not check roles; it reveals
     * nothing that is not on the public hearing page.
     */
    @Transactional(readOnly = true)
    public Materials materials(long hearingId) {
        Hearing h = hearings.find(hearingId).orElseThrow(HearingService::notFound);
        DraftSummary draft = drafts.find(h.draftId()).orElseThrow(HearingService::notFound);
        String url = baseUrl + "/hearings/" + hearingId;
        String where = h.place() != null ? h.place() : h.onlineLink();
        byte[] ics = Ics.event("hearing-" + hearingId + "@kaimen", h.startsAt(), h.startsAt().plus(HEARING_LENGTH),
                now(), h.title(), where, draft.title() + "\n" + url, url);
        StringBuilder text = new StringBuilder(draft.title()).append("\n\n");
        appendText(text, drafts.tree(h.draftId(), 0));
        return new Materials(h.title(), draft.title(), draft.summary(), h.startsAt(), where, h.speakingMinutes(),
                url, baseUrl + "/drafts/" + h.draftId(), ics, text.toString());
    }

    public record Materials(String hearingTitle, String draftTitle, String explanation, OffsetDateTime startsAt,
                            String where, int speakingMinutes, String hearingUrl, String draftUrl, byte[] ics,
                            String draftText) {
    }

    private static void appendText(StringBuilder sb, List<Provision> nodes) {
        for (Provision p : nodes) {
            if (p.kind().isHeading()) {
                sb.append('\n').append(p.heading() == null ? p.label() : p.heading()).append("\n\n");
                appendText(sb, p.children());
            } else if (p.kind() == Provision.Kind.ARTICLE) {
                sb.append(p.label()).append('\u3000').append(p.fullText().strip()).append("\n");
            }
        }
    }

    // ------------------------------------------------------------------ hearing day

    /** One part of the transcript, typed by the clerk as the hearing goes (第二十七条). */
    @PreAuthorize(STAFF)
    @Transactional
    public long record(long hearingId, TranscriptEntry.Kind kind, Long registrationId, String label, Long matterId,
                       Long provisionId, String text, String reasons, Integer seconds) {
        Hearing h = staffGet(hearingId);
        if (h.locked() || h.reviewUntil() != null) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.locked");
        }
        require(text != null && !text.isBlank(), "hearings.error.text");
        if (matterId != null) {
            require(h.matters().stream().anyMatch(m -> m.id() == matterId), "hearings.error.matter");
        }
        String speaker = label;
        if (registrationId != null) {
            Registration r = hearings.registrations(hearingId).stream().filter(x -> x.id() == registrationId)
                    .findFirst().orElseThrow(HearingService::notFound);
            require(r.outcome() == Outcome.SELECTED, "hearings.error.not-a-speaker");
            speaker = speaker == null || speaker.isBlank() ? speakerLabel(r) : speaker;
        }
        require(speaker != null && !speaker.isBlank(), "hearings.error.text");
        if (kind == TranscriptEntry.Kind.STATEMENT) {
            require(registrationId != null, "hearings.error.not-a-speaker");
        }
        if (h.heldAt() == null) {
            hearings.stamp(hearingId, "held_at", now());
        }
        return hearings.addEntry(hearingId, kind, registrationId, speaker.strip(), matterId, provisionId,
                text.strip(), blankToNull(reasons), seconds, now());
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<TranscriptEntry> transcript(long hearingId) {
        staffGet(hearingId);
        return hearings.entries(hearingId);
    }

    static String speakerLabel(Registration r) {
        return "陈述人" + r.number();
    }

    // ------------------------------------------------------------------ review, corrections, sign-off

    /** Sends every speaker a personal link to their part; they may ask for corrections for 5 days (第二十七条). */
    @PreAuthorize(STAFF)
    @Transactional
    public void sendForReview(long hearingId) {
        Hearing h = staffGet(hearingId);
        if (h.reviewUntil() != null || h.locked()) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.review-started");
        }
        List<TranscriptEntry> entries = hearings.entries(hearingId);
        require(!entries.isEmpty(), "hearings.error.empty-transcript");
        OffsetDateTime now = now();
        OffsetDateTime until = now.plusDays(reviewDays);
        hearings.startReview(hearingId, until);
        List<TranscriptSentForReview.ReviewLink> links = new ArrayList<>();
        for (Registration r : hearings.registrations(hearingId)) {
            if (entries.stream().noneMatch(e -> Objects.equals(e.registrationId(), r.id()))) {
                continue;
            }
            HearingTokens.Issued t = tokens.issue(r.id(), HearingTokens.Purpose.REVIEW_TRANSCRIPT, now, until);
            links.add(new TranscriptSentForReview.ReviewLink(r.id(), t.id(), r.name(), r.email(), r.locale(),
                    baseUrl + "/hearings/review/" + t.token()));
        }
        events.publishEvent(new TranscriptSentForReview(hearingId, h.title(), until, links));
        audit.record("hearing.review-sent", "hearing", hearingId, links.size() + " speakers");
    }

    /** The speaker's part behind a review link; empty when the link is unknown or expired. */
    @Transactional(readOnly = true)
    public Optional<TranscriptReview> review(String token) {
        return tokens.valid(token, HearingTokens.Purpose.REVIEW_TRANSCRIPT, now()).map(t -> {
            long hearingId = hearings.hearingOf(t.registrationId());
            Hearing h = hearings.find(hearingId).orElseThrow();
            Registration r = hearings.registrations(hearingId).stream().filter(x -> x.id() == t.registrationId())
                    .findFirst().orElseThrow();
            List<TranscriptEntry> mine = hearings.entries(hearingId).stream()
                    .filter(e -> Objects.equals(e.registrationId(), r.id())).toList();
            List<Correction> asked = hearings.corrections(hearingId).stream()
                    .filter(c -> c.registrationId() == r.id()).toList();
            return new TranscriptReview(hearingId, h.title(), r.number(), r.name(), h.reviewUntil(),
                    !h.locked() && now().isBefore(h.reviewUntil()), mine, asked);
        });
    }

    @Transactional
    public long requestCorrection(String token, long entryId, String text, String note) {
        TranscriptReview review = review(token).orElseThrow(() ->
                new KaimenException(HttpStatus.GONE, "hearings.error.link-expired"));
        if (!review.open()) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.review-closed");
        }
        TranscriptEntry entry = review.entries().stream().filter(e -> e.id() == entryId).findFirst()
                .orElseThrow(HearingService::notFound);
        require(text != null && !text.isBlank() && text.length() <= 5000, "hearings.error.text");
        return hearings.requestCorrection(entry.id(), entry.registrationId(), text.strip(), blankToNull(note), now());
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Correction> corrections(long hearingId) {
        staffGet(hearingId);
        return hearings.corrections(hearingId);
    }

    /** The clerk accepts a correction (the transcript takes the speaker's wording) or rejects it with a reason. */
    @PreAuthorize(STAFF)
    @Transactional
    public void resolve(long correctionId, boolean accept, String resolution) {
        Correction c = hearings.correction(correctionId).orElseThrow(HearingService::notFound);
        long hearingId = hearings.hearingOfEntry(c.entryId()).orElseThrow();
        if (staffGet(hearingId).locked()) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.locked");
        }
        require(accept || (resolution != null && !resolution.isBlank()), "hearings.error.reason");
        if (accept) {
            hearings.updateEntryText(c.entryId(), c.requestedText(), now());
        }
        hearings.resolve(correctionId, accept ? Correction.State.ACCEPTED : Correction.State.REJECTED,
                blankToNull(resolution), now());
        audit.record(accept ? "hearing.correction.accepted" : "hearing.correction.rejected", "hearing", hearingId,
                "correction " + correctionId);
    }

    /**
     * Signs the transcript off and locks it once the review period is over and every request is resolved; the
     * speakers' statements then enter the feedback desk as comments of channel HEARING, once per statement.
     */
    @PreAuthorize(STAFF)
    @Transactional
    public void signOff(long hearingId) {
        Hearing h = staffGet(hearingId);
        if (h.locked()) {
            return;
        }
        if (h.reviewUntil() == null) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.review-not-started");
        }
        if (now().isBefore(h.reviewUntil())) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.review-running");
        }
        if (hearings.corrections(hearingId).stream().anyMatch(c -> c.state() == Correction.State.OPEN)) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.open-corrections");
        }
        hearings.signOff(hearingId, user(), now());
        Map<Long, Registration> speakers = new HashMap<>();
        hearings.registrations(hearingId).forEach(r -> speakers.put(r.id(), r));
        for (TranscriptEntry e : hearings.entries(hearingId)) {
            if (e.kind() != TranscriptEntry.Kind.STATEMENT || e.registrationId() == null) {
                continue;
            }
            Registration r = speakers.get(e.registrationId());
            Side side = e.matterId() == null ? r.side() : r.stances().getOrDefault(e.matterId(), r.side());
            Long provision = e.provisionId() != null ? e.provisionId() : h.matters().stream()
                    .filter(m -> Objects.equals(m.id(), e.matterId()) && !m.provisionIds().isEmpty())
                    .map(m -> m.provisionIds().get(0)).findFirst().orElse(null);
            String text = e.reasons() == null ? e.text() : e.text() + "\n" + e.reasons();
            comments.recordExternal(new ExternalComment(h.draftId(), provision, stance(side), text, null,
                    Channel.HEARING, r.name(), r.email(), "hearing:" + hearingId + ":entry:" + e.id()));
        }
        audit.record("hearing.signed-off", "hearing", hearingId, null);
    }

    private static Stance stance(Side side) {
        return switch (side) {
            case FOR -> Stance.SUPPORT;
            case AGAINST -> Stance.OPPOSE;
            case OTHER -> Stance.MODIFY;
        };
    }

    // ------------------------------------------------------------------ report

    @PreAuthorize(STAFF)
    @Transactional
    public void setHandling(long hearingId, long matterId, String handling) {
        Hearing h = staffGet(hearingId);
        requireNotPublished(h);
        require(h.matters().stream().anyMatch(m -> m.id() == matterId), "hearings.error.matter");
        hearings.setHandling(matterId, blankToNull(handling));
    }

    @PreAuthorize(STAFF)
    @Transactional
    public void setReportFacts(long hearingId, String facts) {
        requireNotPublished(staffGet(hearingId));
        hearings.setReportFacts(hearingId, blankToNull(facts));
    }

    /** Publishes the report once the transcript is signed off and every matter has its proposed handling. */
    @PreAuthorize(STAFF)
    @Transactional
    public void publishReport(long hearingId) {
        Hearing h = staffGet(hearingId);
        if (h.reportPublishedAt() != null) {
            return;
        }
        if (!h.locked()) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.not-signed-off");
        }
        require(h.matters().stream().allMatch(m -> m.handling() != null), "hearings.error.handling");
        hearings.stamp(hearingId, "report_published_at", now());
        audit.record("hearing.report.published", "hearing", hearingId, null);
    }

    /** The report: public once published, a preview for staff before that. */
    @Transactional(readOnly = true)
    public Optional<HearingReport> report(long hearingId) {
        Optional<Hearing> found = hearings.find(hearingId).filter(h -> h.reportPublishedAt() != null || isStaff());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Hearing h = withLabels(found.get());
        List<Registration> regs = hearings.registrations(hearingId);
        Map<Long, Registration> byId = new HashMap<>();
        regs.forEach(r -> byId.put(r.id(), r));
        List<TranscriptEntry> statements = hearings.entries(hearingId).stream()
                .filter(e -> e.kind() == TranscriptEntry.Kind.STATEMENT && e.registrationId() != null).toList();
        List<HearingReport.MatterViews> matters = new ArrayList<>();
        for (Matter m : h.matters()) {
            Map<Side, List<HearingReport.View>> views = new LinkedHashMap<>();
            for (Side s : Side.values()) {
                views.put(s, new ArrayList<>());
            }
            for (TranscriptEntry e : statements) {
                if (!Objects.equals(e.matterId(), m.id())) {
                    continue;
                }
                Registration r = byId.get(e.registrationId());
                Side side = r.stances().getOrDefault(m.id(), r.side());
                views.get(side).add(new HearingReport.View(r.number(), r.sector(), r.district(), e.text(),
                        e.reasons()));
            }
            matters.add(new HearingReport.MatterViews(m, views.get(Side.FOR), views.get(Side.AGAINST),
                    views.get(Side.OTHER)));
        }
        DraftSummary draft = drafts.find(h.draftId()).orElseThrow(HearingService::notFound);
        long speakerRegs = regs.stream().filter(r -> r.role() == Participation.SPEAKER && !r.invited()).count();
        long observerRegs = regs.stream().filter(r -> r.role() == Participation.OBSERVER).count();
        long speakers = regs.stream().filter(r -> r.outcome() == Outcome.SELECTED).count();
        long observers = regs.stream().filter(r -> r.outcome() == Outcome.ADMITTED).count();
        return Optional.of(new HearingReport(hearingId, h.draftId(), draft.title(), h.title(), h.startsAt(),
                h.place() != null ? h.place() : h.onlineLink(), h.hearers(), (int) speakerRegs, (int) observerRegs,
                (int) speakers, (int) observers, h.reportFacts(), matters, h.reportPublishedAt()));
    }

    /**
     * Everyone who registered for a hearing on this draft, selected or not, speaker or observer, for the feedback on
     * how the views were handled (第三十条). Called by the mail listener without a signed-in user.
     */
    @Transactional(readOnly = true)
    public List<Participant> participantsOfDraft(long draftId) {
        List<Participant> out = new ArrayList<>();
        for (Hearing h : hearings.ofDraft(draftId)) {
            for (Registration r : hearings.registrations(h.id())) {
                if (r.email() == null) {
                    continue; // erased after the retention period: nobody left to tell
                }
                out.add(new Participant(h.id(), h.title(), r.id(), r.name(), r.email(), r.locale(),
                        h.reportPublishedAt() != null));
            }
        }
        return out;
    }

    public record Participant(long hearingId, String hearingTitle, long registrationId, String name, String email,
                              String locale, boolean reportPublished) {
    }

    // ------------------------------------------------------------------ helpers

    private Hearing staffGet(long id) {
        return hearings.find(id).map(this::withLabels).orElseThrow(HearingService::notFound);
    }

    private Hearing withLabels(Hearing h) {
        List<Matter> matters = h.matters().stream().map(m -> new Matter(m.id(), m.position(), m.title(),
                m.provisionIds(), m.provisionIds().stream().map(id -> drafts.provision(h.draftId(), id)
                        .map(Provision::label).orElse("")).toList(), m.handling())).toList();
        return new Hearing(h.id(), h.draftId(), h.title(), h.place(), h.onlineLink(), h.startsAt(), h.noticeDays(),
                h.speakerCapacity(), h.observerCapacity(), h.speakingMinutes(), h.announcedAt(),
                h.registrationClosesAt(), h.seed(), h.seedAnnouncedAt(), h.drawnAt(), h.speakersNotifiedAt(),
                h.observersNotifiedAt(), h.heldAt(), h.reviewUntil(), h.signedOffAt(), h.reportFacts(),
                h.reportPublishedAt(), matters, h.hearers());
    }

    private static void requireNotPublished(Hearing h) {
        if (h.reportPublishedAt() != null) {
            throw new KaimenException(HttpStatus.CONFLICT, "hearings.error.report-published");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static void require(boolean ok, String key) {
        if (!ok) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, key);
        }
    }

    private static KaimenException notFound() {
        return new KaimenException(HttpStatus.NOT_FOUND, "hearings.error.not-found");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String trim(String s) {
        return blankToNull(s);
    }

    private static String user() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }

    private static boolean isStaff() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_DRAFTER")
                || g.getAuthority().equals("ROLE_ADMIN"));
    }
}
