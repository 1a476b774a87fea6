package org.kaimen.drafts;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kaimen.drafts.internal.DraftImporter;
import org.kaimen.drafts.internal.DraftRepository;
import org.kaimen.drafts.internal.DraftRepository.DraftRow;
import org.kaimen.drafts.internal.VersionLinker;
import org.kaimen.drafts.internal.parsing.CitationLabels;
import org.kaimen.drafts.internal.parsing.ParseResult;
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
 * Drafts and their versions: import, versioning with provision links and redlines, the consultation period, and
 * what the public may read. Staff operations need DRAFTER or ADMIN.
 */
@Service
public class DraftService {

    static final String STAFF = "hasAnyRole('DRAFTER','ADMIN')";

    private final DraftRepository drafts;
    private final DraftImporter importer;
    private final VersionLinker linker;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration defaultPeriod;

    public DraftService(DraftRepository drafts, DraftImporter importer, VersionLinker linker,
                        ApplicationEventPublisher events, AuditLog audit, Clock clock,
                        @Value("${kaimen.drafts.default-period:P30D}") Duration defaultPeriod) {
        this.drafts = drafts;
        this.importer = importer;
        this.linker = linker;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.defaultPeriod = defaultPeriod;
    }

    /** The consultation period used when none is given: 30 days by default (立法法第四十条). */
    public Duration defaultPeriod() {
        return defaultPeriod;
    }

    /** Parses without storing anything, so the drafter can check the structure and anomalies first. */
    @PreAuthorize(STAFF)
    public ImportPreview preview(DraftSource source) {
        DraftImporter.Parsed parsed = importer.parse(source);
        ParseResult r = parsed.result();
        return new ImportPreview(r.title(), r.preamble(), DraftImporter.counts(r.counts()), importer.anomalies(r),
                previewTree(r), r.isDraft());
    }

    @Transactional
    @PreAuthorize(STAFF)
    public ImportResult create(DraftSource source, String title, boolean openNow) {
        DraftImporter.Parsed parsed = importer.parse(source);
        ParseResult r = parsed.result();
        String finalTitle = title != null && !title.isBlank() ? title.strip() : r.title();
        if (finalTitle == null || finalTitle.isBlank()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "drafts.error.title");
        }
        OffsetDateTime now = now();
        long id = drafts.insertDraft(finalTitle, null, null, actor(), now);
        storeVersion(id, 1, "征求意见稿", finalTitle, "", parsed);
        audit.record("draft.create", "draft", id, finalTitle);
        if (openNow) {
            schedule(id, now, now.plus(defaultPeriod));
        }
        return new ImportResult(id, finalTitle, 1, DraftImporter.counts(r.counts()), importer.anomalies(r));
    }

    /**
     * Publishes the next version (修改稿, 二审稿 …). Every provision of the previous version is linked to its
     * continuation, so comments written on it stay attached through renumbering, moves, splits and merges.
     */
    @Transactional
    @PreAuthorize(STAFF)
    public ImportResult publishVersion(long draftId, DraftSource source, String label, String explanation) {
        DraftRow draft = drafts.lock(draftId).orElseThrow(DraftService::notFound);
        DraftImporter.Parsed parsed = importer.parse(source);
        int number = draft.currentVersion() + 1;
        String title = parsed.result().title().isBlank() ? draft.title() : parsed.result().title();
        String versionLabel = label == null || label.isBlank() ? "修改稿" : label.strip();
        long versionId = storeVersion(draftId, number, versionLabel, title,
                explanation == null ? "" : explanation, parsed);
        long previousId = versionId(draftId, number - 1);
        linker.link(drafts.tree(previousId), drafts.tree(versionId));
        audit.record("draft.version", "draft", draftId, "version " + number + " " + versionLabel);
        events.publishEvent(new VersionPublished(draftId, number));
        return new ImportResult(draftId, title, number, DraftImporter.counts(parsed.result().counts()),
                importer.anomalies(parsed.result()));
    }

    @Transactional
    @PreAuthorize(STAFF)
    public void schedule(long draftId, OffsetDateTime opensAt, OffsetDateTime closesAt) {
        DraftRow draft = drafts.lock(draftId).orElseThrow(DraftService::notFound);
        if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "drafts.error.period");
        }
        drafts.updatePeriod(draftId, opensAt, closesAt, now());
        audit.record("draft.period", "draft", draftId, opensAt + " – " + closesAt);
        if (draft.opensAt() == null) {
            events.publishEvent(new DraftPublished(draftId, draft.title()));
        }
    }

    /** Ends the period now (e.g. the committee decided so); comments are refused from this moment. */
    @Transactional
    @PreAuthorize(STAFF)
    public void closeNow(long draftId) {
        DraftRow draft = drafts.lock(draftId).orElseThrow(DraftService::notFound);
        OffsetDateTime now = now();
        OffsetDateTime opens = draft.opensAt() == null || draft.opensAt().isAfter(now) ? now.minusSeconds(1)
                : draft.opensAt();
        drafts.updatePeriod(draftId, opens, now, now);
        audit.record("draft.close", "draft", draftId, null);
    }

    @Transactional
    @PreAuthorize(STAFF)
    public void markAdopted(long draftId) {
        DraftRow draft = drafts.lock(draftId).orElseThrow(DraftService::notFound);
        if (state(draft) != DraftState.CLOSED) {
            throw new KaimenException(HttpStatus.CONFLICT, "drafts.error.adopt-before-close");
        }
        drafts.markAdopted(draftId, now());
        audit.record("draft.adopted", "draft", draftId, null);
    }

    @Transactional
    @PreAuthorize(STAFF)
    public void updateMetadata(long draftId, String title, String summary, String department, boolean allowAnonymous,
                               boolean showComments) {
        drafts.lock(draftId).orElseThrow(DraftService::notFound);
        if (title == null || title.isBlank()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "drafts.error.title");
        }
        drafts.updateMetadata(draftId, title.strip(), blankToNull(summary), blankToNull(department), allowAnonymous,
                showComments, now());
        audit.record("draft.metadata", "draft", draftId, title);
    }

    /** Public list: open consultations first (closing soonest first), then the closed and adopted ones. */
    @Transactional(readOnly = true)
    public List<DraftSummary> publicDrafts() {
        return drafts.all().stream().map(this::summary).filter(d -> d.state().isPublic())
                .sorted(Comparator.comparing((DraftSummary d) -> d.state() != DraftState.OPEN)
                        .thenComparing(d -> d.state() == DraftState.OPEN ? d.closesAt().toEpochSecond()
                                : -d.closesAt().toEpochSecond()))
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<DraftSummary> allDrafts() {
        return drafts.all().stream().map(this::summary).toList();
    }

    /** A draft the current user may read: public ones for everybody, all of them for staff. */
    @Transactional(readOnly = true)
    public Optional<DraftSummary> find(long draftId) {
        return drafts.find(draftId).map(this::summary).filter(d -> d.state().isPublic() || isStaff());
    }

    public DraftSummary get(long draftId) {
        return find(draftId).orElseThrow(DraftService::notFound);
    }

    @Transactional(readOnly = true)
    public List<DraftVersionInfo> versions(long draftId) {
        get(draftId);
        return drafts.versions(draftId);
    }

    /** The provision tree of a version; {@code version} 0 means the current one. */
    @Transactional(readOnly = true)
    public List<Provision> tree(long draftId, int version) {
        DraftSummary d = get(draftId);
        return drafts.tree(versionId(draftId, version == 0 ? d.currentVersion() : version));
    }

    @Transactional(readOnly = true)
    public VersionDiff diff(long draftId, int version) {
        get(draftId);
        if (version < 2) {
            throw new KaimenException(HttpStatus.NOT_FOUND, "drafts.error.no-previous-version");
        }
        return linker.diff(draftId, version, drafts.tree(versionId(draftId, version - 1)),
                drafts.tree(versionId(draftId, version)));
    }

    /**
     * Follows a provision (as a comment pointed at it) forward to {@code targetVersion} (0: current). A deleted
     * provision falls back to its parent; a deleted article to the draft as a whole.
     */
    @Transactional(readOnly = true)
    public ProvisionRef resolve(long provisionId, int targetVersion) {
        DraftRepository.ProvisionRow start = drafts.provision(provisionId).orElseThrow(DraftService::notFound);
        int target = targetVersion == 0 ? drafts.find(start.draftId()).orElseThrow().currentVersion() : targetVersion;
        DraftRepository.ProvisionRow at = start;
        boolean exact = true;
        while (at != null && at.versionNumber() < target) {
            Optional<Long> next = drafts.successor(at.id());
            if (next.isPresent()) {
                at = drafts.provision(next.get()).orElseThrow();
            } else {
                exact = false;
                at = at.parentId() == null ? null : drafts.provision(at.parentId()).orElseThrow();
            }
        }
        Provision provision = at == null ? null : findIn(drafts.tree(at.versionId()), at.id());
        return new ProvisionRef(provisionId, start.versionNumber(), provision, target, exact);
    }

    /** The provision with this id, if it belongs to the draft. */
    @Transactional(readOnly = true)
    public Optional<Provision> provision(long draftId, long provisionId) {
        return drafts.provision(provisionId).filter(p -> p.draftId() == draftId)
                .map(p -> findIn(drafts.tree(p.versionId()), p.id()));
    }

    /**
     * Refuses, with a message citizens understand, when the draft is not open for comments now.
     *
     * @return the draft, when it is open
     */
    @Transactional(readOnly = true)
    public DraftSummary requireOpen(long draftId) {
        DraftSummary d = drafts.find(draftId).map(this::summary).orElseThrow(DraftService::notFound);
        switch (d.state()) {
            case OPEN -> {
                return d;
            }
            case DRAFT -> throw new KaimenException(HttpStatus.CONFLICT, "drafts.error.not-open-yet");
            default -> throw new KaimenException(HttpStatus.CONFLICT, "drafts.error.closed",
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                            .format(d.closesAt().atZoneSameInstant(clock.getZone())));
        }
    }

    /** A character-level redline of proposed wording against a provision's text, HTML-escaped, for previews. */
    public String redlineHtml(String before, String after) {
        var diff = new org.kaimen.drafts.internal.versioning.CharDiff();
        return org.kaimen.drafts.internal.versioning.CharDiff.toHtml(diff.diff(before == null ? "" : before,
                after == null ? "" : after));
    }

    /** Finds drafts whose period ended and tells the other modules, once per draft. */
    @Transactional
    public int announceClosedConsultations() {
        OffsetDateTime now = now();
        List<DraftRow> due = drafts.closedButNotAnnounced(now);
        for (DraftRow d : due) {
            drafts.markClosedAnnounced(d.id(), now);
            events.publishEvent(new ConsultationClosed(d.id()));
        }
        return due.size();
    }

    /**
     * Drafts whose comment period ended at or before {@code cutoff} and that are not open again, for retention jobs
     * that count from the end of a consultation. Ids only: nothing here is private.
     */
    @Transactional(readOnly = true)
    public List<Long> consultationsClosedBefore(OffsetDateTime cutoff) {
        return drafts.closedBefore(cutoff);
    }

    DraftState state(DraftRow d) {
        OffsetDateTime now = now();
        if (d.adoptedAt() != null) {
            return DraftState.ADOPTED;
        }
        if (d.opensAt() == null || now.isBefore(d.opensAt())) {
            return DraftState.DRAFT;
        }
        return d.closesAt() != null && !now.isBefore(d.closesAt()) ? DraftState.CLOSED : DraftState.OPEN;
    }

    private DraftSummary summary(DraftRow d) {
        DraftState state = state(d);
        Long daysLeft = state == DraftState.OPEN
                ? (long) Math.ceil(Duration.between(now(), d.closesAt()).toMinutes() / (24.0 * 60)) : null;
        return new DraftSummary(d.id(), d.title(), d.summary(), d.draftingDepartment(), state, d.opensAt(),
                d.closesAt(), daysLeft, d.currentVersion(), d.allowAnonymous(), d.showComments());
    }

    private long storeVersion(long draftId, int number, String label, String title, String explanation,
                              DraftImporter.Parsed parsed) {
        ParseResult r = parsed.result();
        long versionId = drafts.insertVersion(draftId, number, label, title, String.join("\n", r.preamble()),
                explanation, parsed.text(), DraftImporter.counts(r.counts()), actor(), now());
        drafts.insertTree(draftId, versionId, r.roots());
        return versionId;
    }

    private long versionId(long draftId, int number) {
        return drafts.versions(draftId).stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "drafts.error.no-such-version", number))
                .id();
    }

    private static Provision findIn(List<Provision> nodes, long id) {
        for (Provision p : nodes) {
            if (p.id() == id) {
                return p;
            }
            Provision inChild = findIn(p.children(), id);
            if (inChild != null) {
                return inChild;
            }
        }
        return null;
    }

    /** The tree as it would be stored, with keys and labels, ids all 0. */
    private static List<Provision> previewTree(ParseResult r) {
        return r.roots().stream().map(root -> toProvision(root, new java.util.ArrayList<>(List.of(root)))).toList();
    }

    private static Provision toProvision(org.kaimen.drafts.internal.parsing.ParsedProvision p,
                                         List<org.kaimen.drafts.internal.parsing.ParsedProvision> path) {
        List<Provision> children = new java.util.ArrayList<>();
        for (var c : p.children()) {
            path.add(c);
            children.add(toProvision(c, path));
            path.remove(path.size() - 1);
        }
        return new Provision(0, Provision.Kind.valueOf(p.kind().name()), p.number(), CitationLabels.key(path),
                CitationLabels.label(path), p.heading(), p.text(), children);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean isStaff() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_DRAFTER") || a.getAuthority().equals("ROLE_ADMIN"));
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    static KaimenException notFound() {
        return new KaimenException(HttpStatus.NOT_FOUND, "drafts.error.not-found");
    }
}
