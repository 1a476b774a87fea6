package org.kaimen.experts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kaimen.accounts.AccountService;
import org.kaimen.accounts.AccountSummary;
import org.kaimen.accounts.LinkSignIn;
import org.kaimen.accounts.Role;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.ExternalComment;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.experts.internal.Conflicts;
import org.kaimen.experts.internal.ConsultationRepository;
import org.kaimen.experts.internal.ExpertDraw;
import org.kaimen.experts.internal.ExpertRepository;
import org.kaimen.experts.internal.InvitationLinks;
import org.kaimen.experts.internal.InvitationLinks.Action;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.web.KaimenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultations of experts on a draft: the reproducible, conflict-free draw, the clerk's adjustments, invitations
 * by signed links with reminders and automatic replacement, and the experts' opinions, which enter the feedback
 * desk as comments of channel EXPERT.
 */
@Service
public class ConsultationService {

    private static final Logger log = LoggerFactory.getLogger(ConsultationService.class);
    private static final String STAFF = "hasAnyRole('" + Role.DRAFTER_NAME + "', '" + Role.ADMIN_NAME + "')";

    /** What an invitation page shows before the expert answers. */
    public record LinkView(LinkOutcome outcome, String action, Invitation invitation, Consultation consultation) {
    }

    /** The result of following a link; {@code accountId} is set when the expert may be signed in. */
    public record Answer(LinkOutcome outcome, InvitationStatus status, Long accountId) {
    }

    /** An accepted invitation as the expert's portal shows it. */
    public record PortalItem(Invitation invitation, Consultation consultation, List<OpinionEntry> opinions,
                             List<String> attachments) {
    }

    private final ConsultationRepository consultations;
    private final ExpertRepository experts;
    private final InvitationLinks links;
    private final DraftService drafts;
    private final CommentService comments;
    private final AccountService accounts;
    private final LinkSignIn linkSignIn;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration remindBefore;
    private final org.springframework.beans.factory.ObjectProvider<InvitationDeliveries> deliveries;

    ConsultationService(ConsultationRepository consultations, ExpertRepository experts, InvitationLinks links,
                        DraftService drafts, CommentService comments, AccountService accounts, LinkSignIn linkSignIn,
                        ApplicationEventPublisher events, AuditLog audit, ObjectMapper json, Clock clock,
                        @Value("${kaimen.experts.remind-before:P1D}") Duration remindBefore,
                        org.springframework.beans.factory.ObjectProvider<InvitationDeliveries> deliveries) {
        this.deliveries = deliveries;
        this.consultations = consultations;
        this.experts = experts;
        this.links = links;
        this.drafts = drafts;
        this.comments = comments;
        this.accounts = accounts;
        this.linkSignIn = linkSignIn;
        this.events = events;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.remindBefore = remindBefore;
    }

    @Transactional
    @PreAuthorize(STAFF)
    public long create(NewConsultation c) {
        DraftSummary draft = drafts.get(c.draftId());
        if (c.title() == null || c.title().isBlank() || c.kind() == null) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.consultation");
        }
        if (c.wanted() < 1 || c.wanted() > 50) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.wanted");
        }
        if (c.answerWithin() == null || c.answerWithin().isNegative() || c.answerWithin().isZero()
                || c.opinionDue() == null || !c.opinionDue().isAfter(now())) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.deadlines");
        }
        Set<String> known = experts.fields(false).stream().map(Field::code).collect(Collectors.toSet());
        if (!known.containsAll(c.fields())) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.field");
        }
        for (Long p : c.provisionIds()) {
            drafts.provision(c.draftId(), p).orElseThrow(() -> new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "comments.error.provision"));
        }
        long seed = c.seed() != null ? c.seed() : new SecureRandom().nextLong();
        long id = consultations.insert(c, draft.title(), draft.draftingDepartment(), seed, actor(), now());
        audit.record("expert.consultation.create", "expert_consultation", id, "draft=" + c.draftId()
                + " seed=" + seed);
        return id;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<Consultation> consultations(Long draftId) {
        return consultations.forDraft(draftId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public Consultation get(long id) {
        return consultation(id);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<Invitation> invitations(long consultationId) {
        return consultations.invitations(consultationId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<Draw> draws(long consultationId) {
        return consultations.draws(consultationId);
    }

    /** The first draw: {@code wanted} experts proposed for the clerk to check before anything is sent. */
    @Transactional
    @PreAuthorize(STAFF)
    public List<Long> draw(long consultationId) {
        Consultation c = consultation(consultationId);
        if (!consultations.invitations(consultationId).isEmpty()) {
            throw new KaimenException(HttpStatus.CONFLICT, "experts.error.drawn");
        }
        List<Long> picked = drawRound(c, c.wanted(), "initial");
        for (Long expertId : picked) {
            consultations.insertInvitation(c.id(), expertId, "DRAW", InvitationStatus.PROPOSED, null, null, now());
        }
        return picked;
    }

    /** The experts who may be drawn for this consultation now, with none already in it. */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<Expert> eligible(long consultationId) {
        return eligible(consultation(consultationId));
    }

    /** Recomputes a recorded draw from its record alone: the same picks, or the record was tampered with. */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<Long> recompute(long consultationId, int round) {
        Consultation c = consultation(consultationId);
        Draw d = consultations.draws(consultationId).stream().filter(x -> x.round() == round).findFirst()
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "experts.error.not-found"));
        try {
            List<ExpertDraw.Candidate> candidates = json.readValue(consultations.drawCandidates(d.id()).orElseThrow(),
                    new TypeReference<>() { });
            return ExpertDraw.pick(candidates, c.fields(), d.wanted(), d.seed());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    @PreAuthorize(STAFF)
    public void remove(long consultationId, long expertId, String reason) {
        requireReason(reason);
        Invitation i = consultations.invitations(consultationId).stream().filter(x -> x.expertId() == expertId)
                .filter(x -> x.status() == InvitationStatus.PROPOSED).findFirst()
                .orElseThrow(() -> new KaimenException(HttpStatus.CONFLICT, "experts.error.not-proposed"));
        consultations.setStatus(i.id(), InvitationStatus.REMOVED);
        consultations.insertAdjustment(consultationId, expertId, "REMOVE", reason.strip(), actor(), now());
        audit.record("expert.consultation.remove", "expert_invitation", i.id(), reason.strip());
    }

    /** Adds an expert by hand; only an eligible one (never a conflicted one), and with a reason. */
    @Transactional
    @PreAuthorize(STAFF)
    public void add(long consultationId, long expertId, String reason) {
        requireReason(reason);
        Consultation c = consultation(consultationId);
        Expert e = experts.find(expertId)
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "experts.error.not-found"));
        Optional<String> conflict = Conflicts.find(e, parties(c));
        if (conflict.isPresent()) {
            throw new KaimenException(HttpStatus.CONFLICT, "experts.error.conflict", e.name(), conflict.get());
        }
        if (!eligibleExpert(e, c)) {
            throw new KaimenException(HttpStatus.CONFLICT, "experts.error.ineligible", e.name());
        }
        Optional<Invitation> earlier = consultations.invitations(consultationId).stream()
                .filter(x -> x.expertId() == expertId).findFirst();
        if (earlier.isPresent()) {
            if (earlier.get().status() != InvitationStatus.REMOVED) {
                throw new KaimenException(HttpStatus.CONFLICT, "experts.error.already-in");
            }
            consultations.setStatus(earlier.get().id(), InvitationStatus.PROPOSED);
        } else {
            consultations.insertInvitation(consultationId, expertId, "MANUAL", InvitationStatus.PROPOSED, null, null,
                    now());
        }
        consultations.insertAdjustment(consultationId, expertId, "ADD", reason.strip(), actor(), now());
        audit.record("expert.consultation.add", "expert", expertId, reason.strip());
    }

    /** Mails every proposed expert; each invitation mail goes out once, whatever retries and restarts follow. */
    @Transactional
    @PreAuthorize(STAFF)
    public int send(long consultationId) {
        Consultation c = consultation(consultationId);
        int sent = 0;
        for (Invitation i : consultations.invitations(consultationId)) {
            if (i.status() == InvitationStatus.PROPOSED && invite(c, i.id())) {
                sent++;
            }
        }
        audit.record("expert.consultation.send", "expert_consultation", consultationId, "invited=" + sent);
        return sent;
    }

    /** How the invitation mail fared (queued, sent, failed with the error), when a mail module is present. */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public Optional<InvitationDeliveries.Delivery> delivery(long invitationId) {
        InvitationDeliveries d = deliveries.getIfAvailable();
        return d == null ? Optional.empty() : d.invitation(invitationId);
    }

    @Transactional
    @PreAuthorize(STAFF)
    public void recordAttendance(long invitationId, Attendance attendance) {
        Invitation i = consultations.invitation(invitationId)
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "experts.error.not-found"));
        if (i.status() != InvitationStatus.ACCEPTED) {
            throw new KaimenException(HttpStatus.CONFLICT, "experts.error.not-accepted");
        }
        consultations.setAttendance(invitationId, attendance);
        audit.record("expert.attendance", "expert_invitation", invitationId, String.valueOf(attendance));
    }

    /** What a link leads to, without using it (mail scanners fetch links; only a form submission answers). */
    @Transactional(readOnly = true)
    public LinkView view(String token) {
        Optional<InvitationLinks.Parsed> parsed = links.parse(token);
        if (parsed.isEmpty()) {
            return new LinkView(LinkOutcome.INVALID, null, null, null);
        }
        Optional<Invitation> i = consultations.invitation(parsed.get().invitationId());
        if (i.isEmpty()) {
            return new LinkView(LinkOutcome.INVALID, null, null, null);
        }
        String action = parsed.get().action().name().toLowerCase();
        return new LinkView(check(parsed.get(), i.get()), action, i.get(), consultation(i.get().consultationId()));
    }

    /**
     * Accepts with the declaration of interests. Declaring a conflict withdraws the expert (avoidance, 第20条) and
     * a replacement is drawn; otherwise the expert's account is made ready for the portal.
     */
    @Transactional
    public Answer accept(String token, boolean conflict, String declaration) {
        Optional<Invitation> i = use(token, Action.ACCEPT);
        if (i.isEmpty()) {
            return new Answer(outcome(token, Action.ACCEPT), null, null);
        }
        if (conflict && (declaration == null || declaration.isBlank())) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.declaration");
        }
        Invitation inv = i.get();
        Expert e = experts.find(inv.expertId()).orElseThrow();
        String text = declaration == null || declaration.isBlank() ? null : declaration.strip();
        if (conflict) {
            consultations.answer(inv.id(), InvitationStatus.CONFLICT, null, text, now());
            answered(inv, InvitationStatus.CONFLICT, e, null);
            replace(inv.id());
            return new Answer(LinkOutcome.DONE, InvitationStatus.CONFLICT, null);
        }
        consultations.answer(inv.id(), InvitationStatus.ACCEPTED, null, text, now());
        long accountId = linkSignIn.ensureAccount(e.email(), e.name(), e.locale(), Role.EXPERT);
        Consultation c = consultation(inv.consultationId());
        answered(inv, InvitationStatus.ACCEPTED, e, links.link(inv.id(), Action.PORTAL, c.opinionDue().toInstant()));
        return new Answer(LinkOutcome.DONE, InvitationStatus.ACCEPTED, accountId);
    }

    @Transactional
    public Answer decline(String token, String reason) {
        Optional<Invitation> i = use(token, Action.DECLINE);
        if (i.isEmpty()) {
            return new Answer(outcome(token, Action.DECLINE), null, null);
        }
        Invitation inv = i.get();
        consultations.answer(inv.id(), InvitationStatus.DECLINED,
                reason == null || reason.isBlank() ? null : reason.strip(), null, now());
        answered(inv, InvitationStatus.DECLINED, experts.find(inv.expertId()).orElseThrow(), null);
        replace(inv.id());
        return new Answer(LinkOutcome.DONE, InvitationStatus.DECLINED, null);
    }

    /** The portal link from the acceptance mail: valid until the opinion is due, for an accepted invitation only. */
    @Transactional
    public Answer portal(String token) {
        Optional<InvitationLinks.Parsed> parsed = links.parse(token).filter(p -> p.action() == Action.PORTAL);
        Optional<Invitation> i = parsed.flatMap(p -> consultations.invitation(p.invitationId()));
        if (i.isEmpty()) {
            return new Answer(LinkOutcome.INVALID, null, null);
        }
        if (parsed.get().expiresAt().isBefore(clock.instant())) {
            return new Answer(LinkOutcome.EXPIRED, i.get().status(), null);
        }
        if (i.get().status() != InvitationStatus.ACCEPTED) {
            return new Answer(LinkOutcome.INVALID, i.get().status(), null);
        }
        Expert e = experts.find(i.get().expertId()).orElseThrow();
        return new Answer(LinkOutcome.DONE, InvitationStatus.ACCEPTED,
                linkSignIn.ensureAccount(e.email(), e.name(), e.locale(), Role.EXPERT));
    }

    /** Expiry after the answer deadline, reminders before it, and replacements for whoever dropped out. */
    @Transactional
    public void processDue() {
        OffsetDateTime now = now();
        for (Long id : consultations.expired(now)) {
            Invitation i = consultations.invitationForUpdate(id).orElseThrow();
            if (i.status() == InvitationStatus.INVITED) {
                consultations.answer(id, InvitationStatus.EXPIRED, null, null, now);
                answered(i, InvitationStatus.EXPIRED, experts.find(i.expertId()).orElseThrow(), null);
            }
        }
        for (Long id : consultations.dueForReminder(now, now.plus(remindBefore))) {
            Invitation i = consultations.invitation(id).orElseThrow();
            // A short answer window gets no reminder in its first half: it would arrive with the invitation.
            boolean pastHalf = i.invitedAt().plus(Duration.between(i.invitedAt(), i.expiresAt()).dividedBy(2))
                    .isBefore(now);
            if (pastHalf && consultations.markReminded(id, now)) {
                publishInvitation(consultation(i.consultationId()), i, true);
            }
        }
        for (Long id : consultations.awaitingReplacement()) {
            replace(id);
        }
    }

    /** The signed-in expert's accepted invitations. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Role.EXPERT_NAME + "')")
    public List<PortalItem> myConsultations() {
        return currentExpert().map(e -> consultations.forExpert(e.id()).stream()
                .filter(i -> i.status() == InvitationStatus.ACCEPTED)
                .map(i -> new PortalItem(i, consultation(i.consultationId()), consultations.opinions(i.id()),
                        consultations.attachments(i.id()).stream()
                                .map(ConsultationRepository.StoredAttachment::filename).toList()))
                .toList()).orElse(List.of());
    }

    /**
     * Stores the expert's opinions, one per provision, each entering the feedback desk as a comment of channel
     * EXPERT under a source key of invitation and provision, so submitting twice stores each opinion once.
     */
    @Transactional
    @PreAuthorize("hasRole('" + Role.EXPERT_NAME + "')")
    public int submitOpinions(long invitationId, List<OpinionEntry> entries) {
        Invitation i = ownAccepted(invitationId);
        Consultation c = consultation(i.consultationId());
        Expert e = experts.find(i.expertId()).orElseThrow();
        Set<Long> allowed = new HashSet<>(c.provisionIds());
        int stored = 0;
        for (OpinionEntry o : entries) {
            if (o.text() == null || o.text().isBlank()) {
                continue;
            }
            if (o.stance() == null || o.text().strip().length() > 5000) {
                throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.opinion");
            }
            if (o.provisionId() != null && !allowed.isEmpty() && !allowed.contains(o.provisionId())) {
                throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.provision");
            }
            String source = "expert:" + i.id() + ":" + (o.provisionId() == null ? "draft" : o.provisionId());
            long commentId = comments.recordExternal(new ExternalComment(c.draftId(), o.provisionId(), o.stance(),
                    o.text(), o.proposedText(), Channel.EXPERT, e.name(), e.email(), source));
            if (consultations.insertOpinion(i.id(), o, commentId, now())) {
                stored++;
            }
        }
        if (stored > 0) {
            consultations.markOpinion(i.id(), now());
        }
        return stored;
    }

    /** A file with the opinion (a memo, a comparison table); at most 10 MB. */
    @Transactional
    @PreAuthorize("hasRole('" + Role.EXPERT_NAME + "')")
    public long attach(long invitationId, String filename, String contentType, byte[] content) {
        ownAccepted(invitationId);
        if (content == null || content.length == 0 || content.length > 10 * 1024 * 1024 || filename == null
                || filename.isBlank()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.attachment");
        }
        String name = filename.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return consultations.insertAttachment(invitationId, name.length() > 200 ? name.substring(0, 200) : name,
                contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType, content,
                now());
    }

    /** Staff download of an expert's attachment. */
    @Transactional
    @PreAuthorize(STAFF)
    public ConsultationRepository.StoredAttachment attachment(long attachmentId) {
        ConsultationRepository.StoredAttachment a = consultations.attachment(attachmentId)
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "experts.error.not-found"));
        audit.record("expert.attachment.read", "expert_attachment", attachmentId, a.filename());
        return a;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<ConsultationRepository.StoredAttachment> attachments(long invitationId) {
        return consultations.attachments(invitationId);
    }

    private Invitation ownAccepted(long invitationId) {
        Expert e = currentExpert().orElseThrow(() -> new KaimenException(HttpStatus.FORBIDDEN, "problem.forbidden"));
        Invitation i = consultations.invitation(invitationId).filter(x -> x.expertId() == e.id())
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "experts.error.not-found"));
        if (i.status() != InvitationStatus.ACCEPTED) {
            throw new KaimenException(HttpStatus.CONFLICT, "experts.error.not-accepted");
        }
        return i;
    }

    private Optional<Expert> currentExpert() {
        return accounts.current().map(AccountSummary::email).filter(m -> m != null && !m.isBlank())
                .flatMap(experts::findByEmail);
    }

    private Optional<Invitation> use(String token, Action action) {
        Optional<InvitationLinks.Parsed> parsed = links.parse(token).filter(p -> p.action() == action);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return consultations.invitationForUpdate(parsed.get().invitationId())
                .filter(i -> check(parsed.get(), i) == LinkOutcome.DONE);
    }

    private LinkOutcome outcome(String token, Action action) {
        return links.parse(token).filter(p -> p.action() == action)
                .flatMap(p -> consultations.invitation(p.invitationId()).map(i -> check(p, i)))
                .orElse(LinkOutcome.INVALID);
    }

    private LinkOutcome check(InvitationLinks.Parsed p, Invitation i) {
        if (p.action() == Action.PORTAL) {
            return i.status() == InvitationStatus.ACCEPTED && p.expiresAt().isAfter(clock.instant())
                    ? LinkOutcome.DONE : LinkOutcome.INVALID;
        }
        if (i.status() != InvitationStatus.INVITED) {
            return i.status() == InvitationStatus.EXPIRED ? LinkOutcome.EXPIRED : LinkOutcome.USED;
        }
        return p.expiresAt().isBefore(clock.instant()) ? LinkOutcome.EXPIRED : LinkOutcome.DONE;
    }

    private boolean invite(Consultation c, long invitationId) {
        OffsetDateTime now = now();
        OffsetDateTime expires = now.plus(c.answerWithin());
        if (!consultations.invite(invitationId, now, expires)) {
            return false;
        }
        publishInvitation(c, consultations.invitation(invitationId).orElseThrow(), false);
        return true;
    }

    private void publishInvitation(Consultation c, Invitation i, boolean reminder) {
        Expert e = experts.find(i.expertId()).orElseThrow();
        events.publishEvent(new ExpertInvited(i.id(), e.name(), e.email(), e.locale(), c.draftTitle(), c.title(),
                c.kind(), i.expiresAt(), c.opinionDue(), c.meetingAt(),
                links.link(i.id(), Action.ACCEPT, i.expiresAt().toInstant()),
                links.link(i.id(), Action.DECLINE, i.expiresAt().toInstant()), reminder));
    }

    private void answered(Invitation i, InvitationStatus status, Expert e, String portalLink) {
        Consultation c = consultation(i.consultationId());
        events.publishEvent(new InvitationAnswered(i.id(), status, e.name(), e.email(), e.locale(), c.title(),
                portalLink));
        audit.record("expert.invitation." + status.name().toLowerCase(), "expert_invitation", i.id(), null);
    }

    /**
     * Draws and invites one replacement for an expert who dropped out, once per invitation. Nobody is drawn when
     * the consultation already has enough experts, or when its opinions are already due.
     */
    private void replace(long invitationId) {
        if (!consultations.markReplaced(invitationId)) {
            return;
        }
        Invitation gone = consultations.invitation(invitationId).orElseThrow();
        Consultation c = consultation(gone.consultationId());
        long active = consultations.invitations(c.id()).stream().filter(i -> i.status() == InvitationStatus.INVITED
                || i.status() == InvitationStatus.ACCEPTED || i.status() == InvitationStatus.PROPOSED).count();
        if (active >= c.wanted() || !c.opinionDue().isAfter(now())) {
            return;
        }
        List<Long> picked = drawRound(c, 1, "replacement for invitation " + invitationId + " ("
                + gone.status().name().toLowerCase() + ")");
        for (Long expertId : picked) {
            long id = consultations.insertInvitation(c.id(), expertId, "REPLACEMENT", InvitationStatus.PROPOSED,
                    null, null, now());
            invite(c, id);
        }
        if (picked.isEmpty()) {
            log.warn("No eligible expert left to replace invitation {} of consultation {}", invitationId, c.id());
        }
    }

    private List<Long> drawRound(Consultation c, int wanted, String reason) {
        int round = consultations.nextRound(c.id());
        // Each round has its own seed, derived from the consultation's and recorded with the round.
        long seed = round == 1 ? c.seed() : c.seed() + 0x9E3779B97F4A7C15L * round;
        List<Expert> eligible = eligible(c);
        Map<Long, OffsetDateTime> last = experts.lastInvited(eligible.stream().map(Expert::id).toList());
        List<ExpertDraw.Candidate> candidates = eligible.stream().map(e -> new ExpertDraw.Candidate(e.id(),
                e.sector(), e.fields(), last.get(e.id()))).toList();
        List<Long> picked = ExpertDraw.pick(candidates, c.fields(), wanted, seed);
        try {
            consultations.insertDraw(c.id(), round, seed, wanted, json.writeValueAsString(candidates), picked,
                    reason, now());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        audit.record("expert.draw", "expert_consultation", c.id(), "round=" + round + " seed=" + seed + " picked="
                + picked);
        return picked;
    }

    private List<Expert> eligible(Consultation c) {
        Set<Long> already = consultations.invitations(c.id()).stream().map(Invitation::expertId)
                .collect(Collectors.toSet());
        List<String> parties = parties(c);
        List<Expert> out = new ArrayList<>();
        for (Expert e : experts.withStatus(ExpertStatus.APPOINTED)) {
            if (!already.contains(e.id()) && eligibleExpert(e, c) && Conflicts.find(e, parties).isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }

    /** Appointed, in term, not a serving committee member (河南 第3条), of a requested field. */
    private boolean eligibleExpert(Expert e, Consultation c) {
        LocalDate today = LocalDate.now(clock);
        return e.status() == ExpertStatus.APPOINTED && e.inTerm(today) && !e.committeeMember()
                && (c.fields().isEmpty() || e.fields().stream().anyMatch(c.fields()::contains));
    }

    private static List<String> parties(Consultation c) {
        List<String> parties = new ArrayList<>(c.stakeholders());
        if (c.department() != null && !c.department().isBlank()) {
            parties.add(c.department());
        }
        return parties;
    }

    private Consultation consultation(long id) {
        return consultations.find(id)
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "experts.error.not-found"));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.reason");
        }
    }

    private static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
