package org.kaimen.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kaimen.accounts.AccountService;
import org.kaimen.accounts.AccountSummary;
import org.kaimen.analysis.Campaign;
import org.kaimen.analysis.CampaignService;
import org.kaimen.analysis.TopicCluster;
import org.kaimen.analysis.TopicService;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.IndexableComment;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.Provision;
import org.kaimen.feedback.internal.OpinionRepository;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.web.KaimenException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback desk. Clerks merge comments into opinions (from a topic, a campaign, search results or by hand), write
 * a disposition with a reason, and a second clerk approves it; on approval every member comment inherits the
 * disposition. A comment belongs to at most one opinion; moves are recorded, never erased. Once every comment is in
 * an approved opinion the adoption report can be published, and subscribers are told by e-mail.
 */
@Service
public class FeedbackService {

    private static final String STAFF = "hasAnyRole('DRAFTER','ADMIN')";

    private final OpinionRepository opinions;
    private final CommentService comments;
    private final DraftService drafts;
    private final TopicService topics;
    private final CampaignService campaigns;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    public FeedbackService(OpinionRepository opinions, CommentService comments, DraftService drafts,
                           TopicService topics, CampaignService campaigns, AccountService accounts,
                           ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.opinions = opinions;
        this.comments = comments;
        this.drafts = drafts;
        this.topics = topics;
        this.campaigns = campaigns;
        this.accounts = accounts;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ creating and moving

    /**
     * Creates an opinion from comments of one draft; comments already in another opinion move here (recorded).
     *
     * @param source what it was made from, e.g. {@code cluster:12}, {@code campaign:5}, {@code search}, {@code manual}
     */
    @Transactional
    @PreAuthorize(STAFF)
    public long create(long draftId, String summary, Collection<Long> commentIds, String source) {
        drafts.find(draftId).orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "feedback.error.no-draft"));
        String clean = cleanSummary(summary);
        List<IndexableComment> members = members(draftId, commentIds);
        if (members.isEmpty()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "feedback.error.no-comments");
        }
        List<String> articles = members.stream().map(IndexableComment::articleKey).filter(k -> k != null).distinct()
                .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
        long id = opinions.insert(draftId, clean, articles, source == null ? "manual" : source, user(), now());
        opinions.record(id, null, "CREATED", source, user(), now());
        moveInto(id, members.stream().map(IndexableComment::id).toList());
        return id;
    }

    /** An opinion holding a topic's comments (the clerk then writes one disposition for all of them). */
    @Transactional
    @PreAuthorize(STAFF)
    public long createFromCluster(long clusterId, String summary) {
        TopicCluster cluster = topics.cluster(clusterId);
        return create(cluster.draftId(), summary == null || summary.isBlank() ? cluster.label() : summary,
                cluster.commentIds(), "cluster:" + clusterId);
    }

    /** An opinion holding a form-letter campaign, its template as the summary unless one is given. */
    @Transactional
    @PreAuthorize(STAFF)
    public long createFromCampaign(long draftId, long campaignId, String summary) {
        Campaign campaign = campaigns.campaigns(draftId).stream().filter(c -> c.id() == campaignId).findFirst()
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "feedback.error.no-campaign"));
        String text = summary == null || summary.isBlank() ? abbreviate(campaign.canonicalText(), 500) : summary;
        return create(draftId, text, campaign.commentIds(), "campaign:" + campaignId);
    }

    /** Moves comments into an opinion of the same draft; their disposition follows the new opinion. */
    @Transactional
    @PreAuthorize(STAFF)
    public void move(Collection<Long> commentIds, long opinionId) {
        Opinion target = opinion(opinionId);
        List<IndexableComment> members = members(target.draftId(), commentIds);
        if (members.size() != new HashSet<>(commentIds).size()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "feedback.error.other-draft");
        }
        moveInto(opinionId, members.stream().map(IndexableComment::id).toList());
    }

    /** Takes a comment out of its opinion; it is then unconsolidated again, and the record keeps the step. */
    @Transactional
    @PreAuthorize(STAFF)
    public void detach(long commentId) {
        Long from = opinions.opinionsOf(List.of(commentId)).get(commentId);
        if (from == null) {
            return;
        }
        requireUnpublished(opinion(from).draftId());
        opinions.removeMember(commentId);
        opinions.record(from, commentId, "REMOVED", null, user(), now());
        if (opinion(from).state() == OpinionState.APPROVED) {
            comments.recordDisposition(List.of(commentId), null, null);
        }
    }

    private void moveInto(long opinionId, List<Long> ids) {
        Opinion target = opinion(opinionId);
        requireUnpublished(target.draftId());
        Map<Long, Long> before = opinions.opinionsOf(ids);
        List<Long> moved = new ArrayList<>();
        for (long id : ids) {
            Long from = before.get(id);
            if (from != null && from == opinionId) {
                continue;
            }
            opinions.putMember(id, opinionId, user(), now());
            if (from != null) {
                opinions.record(from, id, "MOVED_OUT", "→ " + opinionId, user(), now());
            }
            opinions.record(opinionId, id, from == null ? "ADDED" : "MOVED_IN", from == null ? null : "← " + from,
                    user(), now());
            moved.add(id);
        }
        if (target.state() == OpinionState.APPROVED) {
            comments.recordDisposition(moved, target.disposition().name(), target.reason());
        } else {
            // Moved out of an approved opinion into one not decided yet: the old disposition no longer applies.
            List<Long> hadOne = moved.stream().filter(id -> before.get(id) != null
                    && opinion(before.get(id)).state() == OpinionState.APPROVED).toList();
            comments.recordDisposition(hadOne, null, null);
        }
    }

    // ------------------------------------------------------------------ workflow

    @Transactional
    @PreAuthorize(STAFF)
    public void edit(long opinionId, String summary, List<String> articleKeys) {
        Opinion o = opinion(opinionId);
        opinions.update(opinionId, cleanSummary(summary), articleKeys == null ? o.articleKeys() : articleKeys, now());
        opinions.record(opinionId, null, "EDITED", null, user(), now());
    }

    /** Gives the opinion to a clerk (null: nobody); a new opinion goes into review. */
    @Transactional
    @PreAuthorize(STAFF)
    public void assign(long opinionId, String assignee) {
        Opinion o = opinions.lock(opinionId).orElseThrow(FeedbackService::notFound);
        opinions.assign(opinionId, assignee == null || assignee.isBlank() ? null : assignee.strip(), now());
        if (o.state() == OpinionState.NEW) {
            opinions.state(opinionId, OpinionState.IN_REVIEW, now());
        }
        opinions.record(opinionId, null, "ASSIGNED", assignee, user(), now());
    }

    /**
     * Proposes a disposition. A reason is required except for an adoption; an adoption or partial adoption may name
     * the provision of the next version it changed.
     */
    @Transactional
    @PreAuthorize(STAFF)
    public void propose(long opinionId, Disposition disposition, String reason, Long changedProvisionId) {
        Opinion o = opinions.lock(opinionId).orElseThrow(FeedbackService::notFound);
        requireUnpublished(o.draftId());
        if (o.state() == OpinionState.APPROVED) {
            throw new KaimenException(HttpStatus.CONFLICT, "feedback.error.approved");
        }
        if (disposition == null) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "feedback.error.disposition");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() && disposition != Disposition.ADOPTED) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "feedback.error.reason");
        }
        if (why.length() > 2000) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "feedback.error.reason-length");
        }
        if (changedProvisionId != null && drafts.provision(o.draftId(), changedProvisionId).isEmpty()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "feedback.error.provision");
        }
        opinions.propose(opinionId, disposition, why.isEmpty() ? null : why, changedProvisionId, user(), now());
        if (!why.isEmpty()) {
            opinions.useReason(why, user(), now());
        }
        opinions.record(opinionId, null, "PROPOSED", disposition.name(), user(), now());
    }

    /** A second clerk approves; the members inherit the disposition. The proposer cannot approve their own. */
    @Transactional
    @PreAuthorize(STAFF)
    public void approve(long opinionId) {
        Opinion o = opinions.lock(opinionId).orElseThrow(FeedbackService::notFound);
        if (o.state() != OpinionState.PROPOSED) {
            throw new KaimenException(HttpStatus.CONFLICT, "feedback.error.not-proposed");
        }
        if (user().equals(o.proposedBy())) {
            throw new KaimenException(HttpStatus.FORBIDDEN, "feedback.error.same-clerk");
        }
        opinions.approve(opinionId, user(), now());
        opinions.record(opinionId, null, "APPROVED", o.disposition().name(), user(), now());
        comments.recordDisposition(opinions.members(opinionId), o.disposition().name(), o.reason());
        audit.record("feedback.approve", "opinion", String.valueOf(opinionId), o.disposition().name());
    }

    /** Sends an opinion back to review with a note (also withdraws an approval before the report is published). */
    @Transactional
    @PreAuthorize(STAFF)
    public void sendBack(long opinionId, String note) {
        Opinion o = opinions.lock(opinionId).orElseThrow(FeedbackService::notFound);
        requireUnpublished(o.draftId());
        opinions.reopen(opinionId, now());
        opinions.record(opinionId, null, "RETURNED", note, user(), now());
        if (o.state() == OpinionState.APPROVED) {
            comments.recordDisposition(opinions.members(opinionId), null, null);
        }
    }

    /**
     * Bulk work: one disposition for a whole topic or campaign at once (creates the opinion and proposes; a second
     * clerk still approves).
     */
    @Transactional
    @PreAuthorize(STAFF)
    public long disposeCluster(long clusterId, String summary, Disposition disposition, String reason) {
        long id = createFromCluster(clusterId, summary);
        propose(id, disposition, reason, null);
        return id;
    }

    @Transactional
    @PreAuthorize(STAFF)
    public long disposeCampaign(long draftId, long campaignId, String summary, Disposition disposition, String reason) {
        long id = createFromCampaign(draftId, campaignId, summary);
        propose(id, disposition, reason, null);
        return id;
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<Opinion> opinions(long draftId) {
        return opinions.ofDraft(draftId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public OpinionDetail detail(long opinionId) {
        Opinion o = opinion(opinionId);
        List<OpinionMember> members = new ArrayList<>();
        for (IndexableComment c : byIds(o.draftId(), opinions.members(opinionId)).values()) {
            members.add(new OpinionMember(c.id(), c.articleKey(), c.provisionLabel(), c.stance(), c.channel(), c.text(),
                    c.createdAt()));
        }
        members.sort((a, b) -> Long.compare(a.commentId(), b.commentId()));
        return new OpinionDetail(o, members, count(members, m -> m.channel().name()),
                count(members, m -> m.stance().name()), opinions.history(opinionId));
    }

    /** Visible comments of the draft in no opinion yet, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<OpinionMember> unconsolidated(long draftId, int limit) {
        Map<Long, Long> members = opinions.membersOfDraft(draftId);
        return all(draftId).stream().filter(c -> !members.containsKey(c.id())).limit(limit)
                .map(c -> new OpinionMember(c.id(), c.articleKey(), c.provisionLabel(), c.stance(), c.channel(),
                        c.text(), c.createdAt()))
                .toList();
    }

    /** Reasons used before, most used first, to pick from. */
    @PreAuthorize(STAFF)
    public List<String> reasonPhrases() {
        return opinions.reasons(50);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public Progress progress(long draftId) {
        List<IndexableComment> all = all(draftId);
        Map<Long, Long> members = opinions.membersOfDraft(draftId);
        List<Opinion> list = opinions.ofDraft(draftId);
        Map<OpinionState, Long> byState = new EnumMap<>(OpinionState.class);
        for (OpinionState s : OpinionState.values()) {
            byState.put(s, list.stream().filter(o -> o.state() == s).count());
        }
        Map<String, Long> open = new TreeMap<>(list.stream().filter(o -> o.state() != OpinionState.APPROVED)
                .collect(Collectors.groupingBy(o -> o.assignee() == null ? "" : o.assignee(), Collectors.counting())));
        Optional<OpinionRepository.ReportRow> report = opinions.report(draftId);
        LocalDate due = report.map(OpinionRepository.ReportRow::dueOn).orElse(null);
        Long daysLeft = due == null ? null : ChronoUnit.DAYS.between(LocalDate.now(clock), due);
        long unconsolidated = all.stream().filter(c -> !members.containsKey(c.id())).count();
        return new Progress(all.size(), unconsolidated, byState, open, due, daysLeft,
                report.map(r -> r.publishedAt() != null).orElse(false));
    }

    // ------------------------------------------------------------------ the report

    @Transactional
    @PreAuthorize(STAFF)
    public void saveReportSettings(long draftId, String introduction, LocalDate dueOn) {
        if (introduction != null && introduction.length() > 20_000) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "feedback.error.introduction");
        }
        opinions.saveReport(draftId, introduction == null ? "" : introduction.strip(), dueOn);
    }

    /** The report as it stands (staff preview before publication). */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public AdoptionReport preview(long draftId) {
        return build(draftId);
    }

    /** The published report; empty until it is published. Public. */
    @Transactional(readOnly = true)
    public Optional<AdoptionReport> published(long draftId) {
        return isPublished(draftId) ? Optional.of(build(draftId)) : Optional.empty();
    }

    public boolean isPublished(long draftId) {
        return opinions.report(draftId).map(r -> r.publishedAt() != null).orElse(false);
    }

    /**
     * One row per visible comment of the draft, in id order, with the opinion it is in: what the spreadsheet exports
     * list. Same visibility as the report: anyone once it is published, staff (DRAFTER, ADMIN) before; anyone else
     * gets 404 {@code feedback.error.not-published}. The text is the public, masked one; the public reads it only
     * where the draft shows comments and the comment is published (not held for moderation), otherwise it is null.
     */
    @Transactional(readOnly = true)
    public List<CommentRow> rows(long draftId) {
        boolean staff = isStaff();
        if (!staff && !isPublished(draftId)) {
            throw new KaimenException(HttpStatus.NOT_FOUND, "feedback.error.not-published");
        }
        DraftSummary draft = drafts.find(draftId)
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "feedback.error.no-draft"));
        Map<Long, Long> memberOf = opinions.membersOfDraft(draftId);
        Map<Long, Opinion> byId = new HashMap<>();
        opinions.ofDraft(draftId).forEach(o -> byId.put(o.id(), o));
        List<CommentRow> out = new ArrayList<>();
        for (IndexableComment c : all(draftId)) {
            Long opinionId = memberOf.get(c.id());
            Opinion o = opinionId == null ? null : byId.get(opinionId);
            boolean readable = staff || (draft.showComments() && c.status() == CommentStatus.PUBLISHED);
            out.add(new CommentRow(c.id(), c.createdAt(), c.channel(), c.stance(), c.articleKey(), c.provisionLabel(),
                    readable ? c.text() : null, o == null ? null : o.id(), o == null ? null : o.summary(),
                    o == null ? null : o.disposition(), o == null ? null : o.reason()));
        }
        return out;
    }

    /**
     * Publishes the report once every visible comment is in an approved opinion: the law asks that every comment be
     * answered, so the desk does not publish with loose ends.
     */
    @Transactional
    @PreAuthorize(STAFF)
    public void publish(long draftId) {
        DraftSummary draft = drafts.find(draftId)
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "feedback.error.no-draft"));
        Progress p = progress(draftId);
        long pending = p.opinionsByState().entrySet().stream().filter(e -> e.getKey() != OpinionState.APPROVED)
                .mapToLong(Map.Entry::getValue).sum();
        if (p.unconsolidated() > 0 || pending > 0) {
            throw new KaimenException(HttpStatus.CONFLICT, "feedback.error.not-ready", p.unconsolidated(), pending);
        }
        if (opinions.publish(draftId, user(), now())) {
            audit.record("feedback.publish", "draft", String.valueOf(draftId), p.comments() + " comments");
            events.publishEvent(new ReportPublished(draftId, draft.title()));
        }
    }

    /** A signed-in citizen asks to be told by e-mail when the report is published. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public boolean subscribe(long draftId) {
        AccountSummary me = accounts.current()
                .orElseThrow(() -> new KaimenException(HttpStatus.UNAUTHORIZED, "comments.error.sign-in"));
        drafts.find(draftId).orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "feedback.error.no-draft"));
        return opinions.subscribe(draftId, me.id(), now());
    }

    public boolean subscribed(long draftId) {
        return accounts.current().map(me -> opinions.subscribed(draftId, me.id())).orElse(false);
    }

    /** Who asked to be told of a draft's report (for the mail), as accounts. */
    public List<AccountSummary> subscribers(long draftId) {
        return opinions.subscribers(draftId).stream().map(accounts::find).flatMap(Optional::stream).toList();
    }

    private AdoptionReport build(long draftId) {
        DraftSummary draft = drafts.find(draftId)
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "feedback.error.no-draft"));
        List<IndexableComment> all = all(draftId);
        Map<Long, IndexableComment> byId = new HashMap<>();
        all.forEach(c -> byId.put(c.id(), c));
        Map<Long, Long> memberOf = opinions.membersOfDraft(draftId);
        List<Opinion> list = opinions.ofDraft(draftId);
        Map<Long, List<IndexableComment>> membersByOpinion = new HashMap<>();
        memberOf.forEach((comment, opinion) -> {
            IndexableComment c = byId.get(comment);
            if (c != null) {
                membersByOpinion.computeIfAbsent(opinion, k -> new ArrayList<>()).add(c);
            }
        });
        Set<String> commenters = all.stream().map(c -> c.authorKey() == null ? "c" + c.id() : c.authorKey())
                .collect(Collectors.toSet());
        AdoptionReport.Totals totals = new AdoptionReport.Totals(all.size(), commenters.size(), list.size(),
                count(all, c -> c.channel().name()), count(all, c -> c.stance().name()),
                count(list.stream().filter(o -> o.disposition() != null).toList(), o -> o.disposition().name()));
        List<AdoptionReport.Theme> themes = topics.themes(draftId).stream()
                .map(t -> new AdoptionReport.Theme(t.label(), t.size())).limit(12).toList();

        // Chapters and articles of the version commented on, in the draft's order.
        Map<String, String> chapterOf = new LinkedHashMap<>();
        Map<String, String> articleLabel = new LinkedHashMap<>();
        walk(drafts.tree(draftId, 0), null, chapterOf, articleLabel);
        Map<String, Map<String, List<AdoptionReport.Item>>> grouped = new LinkedHashMap<>();
        String general = "";
        for (Opinion o : list) {
            List<IndexableComment> members = membersByOpinion.getOrDefault(o.id(), List.of());
            String article = o.articleKeys().isEmpty() ? null : o.articleKeys().get(0);
            String chapter = article == null ? general : chapterOf.getOrDefault(article, general);
            String changed = o.changedProvisionId() == null ? null : drafts.provision(draftId, o.changedProvisionId())
                    .map(Provision::label).orElse(null);
            grouped.computeIfAbsent(chapter, k -> new LinkedHashMap<>())
                    .computeIfAbsent(article == null ? "" : article, k -> new ArrayList<>())
                    .add(new AdoptionReport.Item(o.id(), o.summary(), members.size(),
                            count(members, c -> c.channel().name()), count(members, c -> c.stance().name()),
                            o.disposition(), o.reason(), changed));
        }
        List<String> order = new ArrayList<>(new LinkedHashSet<>(chapterOf.values()));
        order.add(0, general);
        List<AdoptionReport.Section> sections = new ArrayList<>();
        for (String chapter : order) {
            Map<String, List<AdoptionReport.Item>> articles = grouped.get(chapter);
            if (articles == null) {
                continue;
            }
            List<AdoptionReport.ArticleOpinions> groups = new ArrayList<>();
            articles.entrySet().stream().sorted((a, b) -> Integer.compare(number(a.getKey()), number(b.getKey())))
                    .forEach(e -> groups.add(new AdoptionReport.ArticleOpinions(e.getKey().isEmpty() ? null : e.getKey(),
                            e.getKey().isEmpty() ? null : articleLabel.getOrDefault(e.getKey(), e.getKey()),
                            e.getValue())));
            sections.add(new AdoptionReport.Section(chapter, groups));
        }
        Optional<OpinionRepository.ReportRow> row = opinions.report(draftId);
        return new AdoptionReport(draftId, draft.title(), row.map(OpinionRepository.ReportRow::introduction).orElse(""),
                row.map(OpinionRepository.ReportRow::dueOn).orElse(null),
                row.map(OpinionRepository.ReportRow::publishedAt).orElse(null), totals, themes, sections);
    }

    private static void walk(List<Provision> nodes, String chapter, Map<String, String> chapterOf,
                             Map<String, String> labels) {
        for (Provision p : nodes) {
            if (p.kind() == Provision.Kind.ARTICLE) {
                chapterOf.put(p.key(), chapter == null ? "" : chapter);
                labels.put(p.key(), p.label());
            } else if (p.kind().isHeading()) {
                String heading = p.kind() == Provision.Kind.CHAPTER || chapter == null
                        ? (p.label() + (p.heading() == null ? "" : "　" + p.heading())).strip() : chapter;
                walk(p.children(), heading, chapterOf, labels);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A published report is a public document: its opinions no longer change. */
    private void requireUnpublished(long draftId) {
        if (isPublished(draftId)) {
            throw new KaimenException(HttpStatus.CONFLICT, "feedback.error.published");
        }
    }

    private Opinion opinion(long id) {
        return opinions.find(id).orElseThrow(FeedbackService::notFound);
    }

    /** Visible top-level comments of a draft (replies are conversation, not opinions to answer). */
    private List<IndexableComment> all(long draftId) {
        return comments.visibleOfDraft(draftId);
    }

    private Map<Long, IndexableComment> byIds(long draftId, Collection<Long> ids) {
        Map<Long, IndexableComment> out = new LinkedHashMap<>();
        comments.indexable(ids).stream().filter(c -> c.draftId() == draftId).forEach(c -> out.put(c.id(), c));
        return out;
    }


    private List<IndexableComment> members(long draftId, Collection<Long> commentIds) {
        return byIds(draftId, new LinkedHashSet<>(commentIds)).values().stream()
                .filter(c -> c.parentId() == null && c.status() != CommentStatus.HIDDEN).toList();
    }

    private static <T> Map<String, Long> count(Collection<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static String cleanSummary(String summary) {
        String s = summary == null ? "" : summary.strip();
        if (s.isEmpty() || s.length() > 2000) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "feedback.error.summary");
        }
        return s;
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static int number(String articleKey) {
        if (articleKey == null || articleKey.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(articleKey.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static KaimenException notFound() {
        return new KaimenException(HttpStatus.NOT_FOUND, "feedback.error.not-found");
    }

    private static boolean isStaff() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_DRAFTER")
                || g.getAuthority().equals("ROLE_ADMIN"));
    }

    private static String user() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }
}
