package org.kaimen.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kaimen.accounts.AccountService;
import org.kaimen.accounts.AccountStatus;
import org.kaimen.accounts.AccountSummary;
import org.kaimen.accounts.Role;
import org.kaimen.comments.internal.Challenges;
import org.kaimen.comments.internal.CommentMetrics;
import org.kaimen.comments.internal.CommentProperties;
import org.kaimen.comments.internal.CommentRepository;
import org.kaimen.comments.internal.CommentRepository.Row;
import org.kaimen.comments.internal.ModerationRules;
import org.kaimen.comments.internal.importing.ImportReport;
import org.kaimen.comments.internal.importing.ImportedComment;
import org.kaimen.comments.internal.importing.OfflineCommentReader;
import org.kaimen.comments.internal.importing.ProvisionCitation;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.Provision;
import org.kaimen.drafts.ProvisionRef;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.settings.Settings;
import org.kaimen.shared.web.KaimenException;
import org.kaimen.shared.web.UnconfirmedWriteException;
import org.kaimen.shared.web.RateLimiter;
import org.kaimen.shared.web.TooManyRequestsException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on drafts: who may comment, what is checked, what is kept private, and what the public sees.
 * Nothing a citizen typed is ever lost: a refused submission changes nothing, and a held comment waits for a moderator.
 */
@Service
public class CommentService {

    public static final int MAX_LENGTH = 5000;
    static final String STAFF = "hasAnyRole('DRAFTER','ADMIN')";
    static final String PRIVACY_NOTICE = "privacy-notice-2026-11";
    private static final char[] RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);

    private final CommentRepository comments;
    private final DraftService drafts;
    private final AccountService accounts;
    private final ModerationRules moderation;
    private final Challenges challenges;
    private final CommentProperties properties;
    private final ApplicationEventPublisher events;
    private final org.springframework.context.MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;
    private final RateLimiter perAddress;
    private final RateLimiter perAccount;
    private final RateLimiter anonymousPerAddress;
    private final CommentMetrics metrics;
    private final org.kaimen.comments.internal.SubmissionGate gate;
    private final org.springframework.transaction.support.TransactionTemplate inTransaction;

    public CommentService(CommentRepository comments, DraftService drafts, AccountService accounts,
                          ModerationRules moderation, Challenges challenges, CommentProperties properties,
                          ApplicationEventPublisher events, org.springframework.context.MessageSource messages,
                          AuditLog audit, Clock clock, CommentMetrics metrics, Settings settings,
                          org.kaimen.comments.internal.SubmissionGate gate,
                          org.springframework.transaction.PlatformTransactionManager transactions) {
        this.gate = gate;
        this.inTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.metrics = metrics;
        this.messages = messages;
        this.comments = comments;
        this.drafts = drafts;
        this.accounts = accounts;
        this.moderation = moderation;
        this.challenges = challenges;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        // The limits come from Settings (an administrator may change them at run time), the windows from the config.
        this.perAddress = new RateLimiter(() -> settings.intValue(Settings.PER_ADDRESS), properties.addressWindow(),
                clock);
        this.perAccount = new RateLimiter(() -> settings.intValue(Settings.PER_ACCOUNT), properties.accountWindow(),
                clock);
        this.anonymousPerAddress = new RateLimiter(() -> settings.intValue(Settings.ANONYMOUS_PER_ADDRESS),
                properties.accountWindow(), clock);
    }

    /**
     * Stores a comment and answers with its receipt. A repeat with the same idempotency key (a double click, a
     * network retry) answers with the first comment and stores nothing.
     */
    public SubmittedComment submit(NewComment c) {
        long started = System.nanoTime();
        // Admission comes before the transaction: a submission waiting for its turn must not hold a connection.
        // A commit cut off by an outage is reported as unconfirmed, not as refused: it may have been stored, and the
        // idempotency key makes sending it again safe.
        return gate.admit(() -> UnconfirmedWriteException.commit(inTransaction, status -> store(c, started)));
    }

    /**
     * Submissions fill every slot of this instance right now (a flood): work that can wait, such as making a new
     * comment searchable ahead of its analysis, should.
     */
    public boolean atCapacity() {
        return gate.atCapacity();
    }

    private SubmittedComment store(NewComment c, long started) {
        DraftSummary draft = drafts.requireOpen(c.draftId());
        Optional<AccountSummary> me = accounts.current();
        boolean staff = me.map(a -> a.hasRole(Role.DRAFTER) || a.hasRole(Role.ADMIN)).orElse(false);
        Channel channel = c.channel() == null ? Channel.ONLINE : c.channel();
        if (channel.isOffline() && !staff) {
            throw new KaimenException(HttpStatus.FORBIDDEN, "comments.error.channel");
        }
        String scope = me.map(a -> "a" + a.id()).orElse("ip" + c.clientAddress());
        String idempotencyKey = c.idempotencyKey() == null || c.idempotencyKey().isBlank() ? null
                : scope + ":" + c.idempotencyKey().strip();
        if (idempotencyKey != null) {
            Optional<Row> earlier = comments.findByIdempotencyKey(c.draftId(), idempotencyKey);
            if (earlier.isPresent()) {
                return new SubmittedComment(earlier.get().id(), earlier.get().receipt(), earlier.get().status(),
                        false);
            }
        }
        if (!staff) {
            limit(me, c.clientAddress());
        }

        // A reply may leave the stance out; it then takes its parent's.
        if (c.stance() == null && c.parentId() == null) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.stance");
        }
        Stance stance = c.stance();
        String text = c.text() == null ? "" : c.text().strip();
        if (text.isEmpty()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.text-missing");
        }
        if (text.length() > MAX_LENGTH) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.text-too-long",
                    String.valueOf(MAX_LENGTH));
        }
        String proposed = blankToNull(c.proposedText());
        if (proposed != null && proposed.length() > MAX_LENGTH) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.proposed-too-long",
                    String.valueOf(MAX_LENGTH));
        }

        Long accountId = null;
        String email = null;
        boolean anonymous = false;
        String authorName = c.author() == null ? null : blankToNull(c.author().name());
        if (channel == Channel.ONLINE) {
            if (me.isPresent()) {
                AccountSummary a = me.get();
                if (a.status() != AccountStatus.ACTIVE) {
                    throw new KaimenException(HttpStatus.FORBIDDEN, "comments.error.unverified");
                }
                if (!comments.hasConsent(a.id())) {
                    if (!c.privacyConsent()) {
                        throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.consent");
                    }
                    comments.recordConsent(a.id(), PRIVACY_NOTICE, now());
                }
                accountId = a.id();
                email = a.email();
                authorName = authorName == null ? a.displayName() : authorName;
            } else {
                if (!draft.allowAnonymous()) {
                    throw new KaimenException(HttpStatus.UNAUTHORIZED, "comments.error.sign-in");
                }
                if (!challenges.redeem(c.draftId(), c.challenge())) {
                    throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.challenge");
                }
                if (c.author() != null && !c.privacyConsent()
                        && (authorName != null || blankToNull(c.author().email()) != null
                        || blankToNull(c.author().phone()) != null || blankToNull(c.author().address()) != null)) {
                    throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.consent");
                }
                anonymous = true;
            }
        }
        if (c.author() != null && blankToNull(c.author().email()) != null) {
            email = c.author().email().strip();
        }

        Long provisionId = c.provisionId();
        Long parentId = null;
        if (c.parentId() != null) {
            Row parent = comments.find(c.parentId()).filter(p -> p.draftId() == c.draftId())
                    .filter(p -> p.status() == CommentStatus.PUBLISHED)
                    .orElseThrow(() -> new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.parent"));
            if (parent.parentId() != null) {
                throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.reply-depth");
            }
            parentId = parent.id();
            provisionId = parent.provisionId();
            stance = stance == null ? parent.stance() : stance;
        }
        int version = draft.currentVersion();
        String quote = null;
        String provisionLabel = null;
        if (provisionId != null) {
            Provision provision = drafts.provision(c.draftId(), provisionId)
                    .orElseThrow(() -> new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY,
                            "comments.error.provision"));
            ProvisionRef ref = drafts.resolve(provisionId, 0);
            version = ref.originalVersion();
            provisionLabel = ref.provision() == null ? null : ref.provision().label();
            if (c.quoteStart() != null || c.quoteEnd() != null) {
                String own = provision.kind().isHeading() ? provision.heading()
                        : provision.kind() == Provision.Kind.ARTICLE ? provision.fullText() : provision.displayText();
                if (c.quoteStart() == null || c.quoteEnd() == null || c.quoteStart() < 0
                        || c.quoteEnd() <= c.quoteStart() || c.quoteEnd() > own.length()) {
                    throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.quote");
                }
                quote = own.substring(c.quoteStart(), c.quoteEnd());
            }
        } else if (c.quoteStart() != null) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.quote");
        }

        List<String> flags = new ArrayList<>(moderation.assess(text, proposed));
        if (comments.sameTextRecently(c.draftId(), accountId, email, text, now().minus(REPEAT_WINDOW))) {
            flags.add("REPEATED");
        }
        CommentStatus status = flags.isEmpty() || channel.isOffline() ? CommentStatus.PUBLISHED : CommentStatus.HELD;
        Stored stored = insert(new CommentRepository.Insert(c.draftId(), version, provisionId,
                c.quoteStart(), c.quoteEnd(), quote, parentId, stance, text, proposed, moderation.maskText(text),
                proposed == null ? null : moderation.maskText(proposed), channel,
                channel == Channel.LIAISON_STATION ? requireStation(c.station()) : blankToNull(c.station()),
                accountId, authorName, c.author() == null ? null : blankToNull(c.author().phone()), email, anonymous,
                c.namePublic(), staff ? me.get().username() : null, receipt(c.draftId()), status,
                status == CommentStatus.HELD ? String.join(",", flags) : null, flags, idempotencyKey, null, now(),
                c.author() == null ? null : blankToNull(c.author().address())));
        Optional<Long> id = stored.id();
        String receipt = stored.receipt();
        if (id.isEmpty()) {
            // A concurrent duplicate won the race on the unique key: answer with its comment.
            Row winner = stored.earlier();
            return new SubmittedComment(winner.id(), winner.receipt(), winner.status(), false);
        }
        if (channel.isOffline()) {
            audit.record("comment.enter", "comment", id.get(), channel + (c.station() == null ? "" : " " + c.station()));
        }
        events.publishEvent(new CommentSubmitted(id.get(), c.draftId(), receipt, email,
                LocaleContextHolder.getLocale().toLanguageTag(), draft.title(), provisionLabel, status));
        metrics.received(channel);
        metrics.submitted(started);
        return new SubmittedComment(id.get(), receipt, status, true);
    }

    /**
     * Takes in a view from a hearing or an expert consultation. It skips the checks meant for the public (period,
     * rate limits, proof of work, moderation) because the module that collected it has already vetted the person, and
     * it may arrive after the consultation period: hearings and consultations often follow it.
     *
     * @return the comment's id; the same for a repeated source key
     */
    @Transactional
    public long recordExternal(ExternalComment c) {
        if (c.channel() != Channel.HEARING && c.channel() != Channel.EXPERT) {
            throw new IllegalArgumentException("external comments come from hearings or experts: " + c.channel());
        }
        DraftSummary draft = drafts.get(c.draftId());
        String key = "src:" + c.sourceKey();
        Optional<Row> earlier = comments.findByIdempotencyKey(c.draftId(), key);
        if (earlier.isPresent()) {
            return earlier.get().id();
        }
        String text = c.text() == null ? "" : c.text().strip();
        if (text.isEmpty()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.text-missing");
        }
        String proposed = blankToNull(c.proposedText());
        int version = draft.currentVersion();
        if (c.provisionId() != null) {
            drafts.provision(c.draftId(), c.provisionId())
                    .orElseThrow(() -> new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY,
                            "comments.error.provision"));
            version = drafts.resolve(c.provisionId(), 0).originalVersion();
        }
        if (c.stance() == null) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.stance");
        }
        CommentStatus status = CommentStatus.PUBLISHED;
        Stored stored = insert(new CommentRepository.Insert(c.draftId(), version, c.provisionId(),
                null, null, null, null, c.stance(), text, proposed,
                moderation.maskText(text), proposed == null ? null : moderation.maskText(proposed), c.channel(),
                null, null, blankToNull(c.authorName()), null, blankToNull(c.authorEmail()), false, false,
                c.channel().name().toLowerCase(java.util.Locale.ROOT), receipt(c.draftId()), status,
                null, List.of(), key, null, now(), null));
        Optional<Long> id = stored.id();
        String receipt = stored.receipt();
        if (id.isEmpty()) {
            return stored.earlier().id();
        }
        events.publishEvent(new CommentSubmitted(id.get(), c.draftId(), receipt, null,
                LocaleContextHolder.getLocale().toLanguageTag(), draft.title(), label(c.provisionId()), status));
        metrics.received(c.channel());
        return id.get();
    }

    /** Published comments of a draft that shows comments, masked; replies included with their parent id. */
    @Transactional(readOnly = true)
    public CommentPage<PublicComment> publicComments(long draftId, Long provisionId, Stance stance, int page,
                                                     int size) {
        DraftSummary draft = drafts.get(draftId);
        if (!draft.showComments()) {
            throw new KaimenException(HttpStatus.FORBIDDEN, "comments.error.not-shown");
        }
        int limit = Math.min(Math.max(size, 1), 100);
        int p = Math.max(page, 0);
        Map<Long, String> labels = new HashMap<>();
        List<PublicComment> items = comments.list(draftId, provisionId, stance, CommentStatus.PUBLISHED, false, limit,
                p * limit).stream().map(r -> toPublic(r, labels)).toList();
        return new CommentPage<>(items, p, limit,
                comments.count(draftId, provisionId, stance, CommentStatus.PUBLISHED, false));
    }

    /**
     * Published comments of a draft that shows comments, after {@code afterId} in id order, exactly as the public view
     * shows them (masked text, masked name unless the author consented): the open-data export pages through all of a
     * draft's comments with this, whatever their number.
     */
    @Transactional(readOnly = true)
    public List<PublicComment> publicCommentsAfter(long draftId, long afterId, int limit) {
        DraftSummary draft = drafts.get(draftId);
        if (!draft.showComments()) {
            throw new KaimenException(HttpStatus.FORBIDDEN, "comments.error.not-shown");
        }
        Map<Long, String> labels = new HashMap<>();
        return comments.publishedAfter(draftId, afterId, Math.min(Math.max(limit, 1), 1000)).stream()
                .map(r -> toPublic(r, labels)).toList();
    }

    /** Everything about the comments for staff; that they saw the personal data is written to the audit log. */
    @Transactional
    @PreAuthorize(STAFF)
    public CommentPage<StaffComment> staffComments(long draftId, Long provisionId, Stance stance,
                                                   CommentStatus status, int page, int size) {
        drafts.get(draftId);
        int limit = Math.min(Math.max(size, 1), 200);
        int p = Math.max(page, 0);
        Map<Long, String> labels = new HashMap<>();
        List<StaffComment> items = comments.list(draftId, provisionId, stance, status, false, limit, p * limit)
                .stream().map(r -> toStaff(r, labels)).toList();
        if (!items.isEmpty()) {
            audit.record("comment.read-personal", "draft", draftId, "comments " + items.stream()
                    .map(i -> String.valueOf(i.id())).reduce((a, b) -> a + "," + b).orElse(""));
        }
        return new CommentPage<>(items, p, limit, comments.count(draftId, provisionId, stance, status, false));
    }

    @Transactional
    @PreAuthorize(STAFF)
    public StaffComment staffComment(long commentId) {
        Row r = comments.find(commentId).orElseThrow(CommentService::notFound);
        audit.record("comment.read-personal", "comment", commentId, null);
        return toStaff(r, new HashMap<>());
    }

    /** The citizen's own comments, newest first. */
    @Transactional(readOnly = true)
    public List<MyComment> myComments() {
        AccountSummary me = accounts.current()
                .orElseThrow(() -> new KaimenException(HttpStatus.UNAUTHORIZED, "comments.error.sign-in"));
        Map<Long, String> titles = new HashMap<>();
        Map<Long, String> labels = new HashMap<>();
        List<CommentRepository.Row> rows = comments.byAccount(me.id());
        Map<Long, String[]> dispositions = comments.dispositions(rows.stream().map(CommentRepository.Row::id).toList());
        return rows.stream().map(r -> new MyComment(r.id(), r.draftId(),
                titles.computeIfAbsent(r.draftId(), d -> drafts.find(d).map(DraftSummary::title).orElse("")),
                r.provisionId() == null ? null : labels.computeIfAbsent(r.provisionId(), this::label),
                r.versionNumber(), r.stance(), r.text(), r.receipt(), r.status(), r.createdAt(),
                dispositions.getOrDefault(r.id(), new String[2])[0],
                dispositions.getOrDefault(r.id(), new String[2])[1])).toList();
    }

    /**
     * Gives comments the disposition of their consolidated opinion (called by the feedback desk on approval, or with
     * nulls when a comment leaves an approved opinion). The index learns it through {@link CommentChanged}.
     */
    @Transactional
    public void recordDisposition(java.util.Collection<Long> commentIds, String disposition, String reason) {
        for (long id : commentIds) {
            comments.setDisposition(id, disposition, reason, now()).ifPresent(draftId ->
                    events.publishEvent(new CommentChanged(id, draftId)));
        }
    }

    /** A signed-in citizen's +1; once per account. */
    @Transactional
    public boolean support(long commentId) {
        AccountSummary me = accounts.current().filter(a -> a.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new KaimenException(HttpStatus.UNAUTHORIZED, "comments.error.sign-in"));
        Row r = comments.find(commentId).filter(c -> c.status() == CommentStatus.PUBLISHED)
                .orElseThrow(CommentService::notFound);
        boolean added = comments.support(r.id(), me.id(), now());
        if (added) {
            events.publishEvent(new CommentChanged(r.id(), r.draftId()));
        }
        return added;
    }

    /** Anyone may report a comment; enough open reports take it out of public view until a moderator decides. */
    @Transactional
    public void report(long commentId, String reason, String reporterAddress) {
        Row r = comments.find(commentId).orElseThrow(CommentService::notFound);
        String reporter = accounts.current().map(a -> "account:" + a.id()).orElse("address:" + reporterAddress);
        String why = reason == null || reason.isBlank() ? "-" : reason.strip();
        long open = comments.report(commentId, reporter, why.length() > 500 ? why.substring(0, 500) : why, now());
        audit.record("comment.report", "comment", commentId, why);
        if (open >= properties.reportsToHold() && r.status() == CommentStatus.PUBLISHED) {
            comments.setStatus(commentId, CommentStatus.HELD, "REPORTED", now());
            events.publishEvent(new CommentModerated(commentId, r.draftId(), CommentStatus.HELD, "REPORTED"));
        }
    }

    @Transactional
    @PreAuthorize(STAFF)
    public void hide(long commentId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.reason");
        }
        moderate(commentId, CommentStatus.HIDDEN, reason.strip());
    }

    @Transactional
    @PreAuthorize(STAFF)
    public void publish(long commentId) {
        moderate(commentId, CommentStatus.PUBLISHED, null);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<StaffComment> moderationQueue() {
        Map<Long, String> labels = new HashMap<>();
        return comments.moderationQueue(200).stream().map(r -> toStaff(r, labels)).toList();
    }

    @Transactional(readOnly = true)
    public List<String> sensitiveWords() {
        return comments.sensitiveWords();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void replaceSensitiveWords(List<String> words) {
        List<String> clean = words.stream().map(String::strip).filter(w -> !w.isEmpty()).distinct().toList();
        comments.replaceSensitiveWords(clean, accounts.current().map(AccountSummary::username).orElse("system"),
                now());
        moderation.reload(clean);
        audit.record("settings.sensitive-words", "settings", "sensitive-words", clean.size() + " words");
    }

    /**
     * Imports comments received offline from a clerk's .xlsx or .csv. Every row is checked first; with any problem
     * nothing is imported unless {@code acceptValid}, and then only the valid rows. Importing the same file again
     * adds nothing (each row's key is the file's hash and the row number).
     */
    @Transactional
    @PreAuthorize(STAFF)
    public ImportOutcome importOffline(long draftId, String filename, byte[] content, boolean acceptValid) {
        DraftSummary draft = drafts.get(draftId);
        OfflineCommentReader reader = new OfflineCommentReader(clock);
        ImportReport report = reader.read(filename, content == null ? new byte[0] : content);
        java.util.Locale locale = LocaleContextHolder.getLocale();
        if (report.fileErrorKey() != null) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, report.fileErrorKey(),
                    String.join("、", report.errors().stream().map(e -> e.column()).toList()));
        }
        List<ImportOutcome.Problem> problems = new ArrayList<>();
        report.errors().forEach(e -> problems.add(new ImportOutcome.Problem(e.row(), e.column(),
                messages.getMessage(e.messageKey(), new Object[] {e.value()}, e.messageKey(), locale), e.value())));
        Map<String, Provision> byKey = new HashMap<>();
        index(drafts.tree(draftId, 0), byKey);
        List<ImportedComment> rows = new ArrayList<>();
        Map<ImportedComment, Provision> provisions = new HashMap<>();
        for (ImportedComment row : report.valid()) {
            if (row.provision() == null) {
                rows.add(row);
                continue;
            }
            Provision p = byKey.get(key(row.provision()));
            if (p == null) {
                problems.add(new ImportOutcome.Problem(row.row(), "条文", messages.getMessage(
                        "import.error.provision-missing", new Object[] {row.provision().toChinese()}, locale),
                        row.provision().toChinese()));
            } else {
                rows.add(row);
                provisions.put(row, p);
            }
        }
        problems.sort(java.util.Comparator.comparingInt(ImportOutcome.Problem::row));
        List<String> warnings = report.warnings().stream().map(w -> {
            String[] kv = w.split(":", 2);
            return messages.getMessage(kv[0], new Object[] {kv.length > 1 ? kv[1] : ""}, w, locale);
        }).toList();
        if (!problems.isEmpty() && !acceptValid) {
            return new ImportOutcome(report.totalRows(), rows.size(), 0, 0, problems, warnings);
        }
        String fileHash = sha256(content);
        String clerk = accounts.current().map(AccountSummary::username).orElse("system");
        int imported = 0;
        int already = 0;
        for (ImportedComment row : rows) {
            Provision p = provisions.get(row);
            Channel channel = Channel.valueOf(row.channel().name());
            Stored stored = insert(new CommentRepository.Insert(draftId, draft.currentVersion(),
                    p == null ? null : p.id(), null, null, null, null, Stance.valueOf(row.stance().name()),
                    row.text(), row.proposedText(), moderation.maskText(row.text()),
                    row.proposedText() == null ? null : moderation.maskText(row.proposedText()), channel,
                    row.station(), null, row.name(), row.phone(), row.email(), row.name() == null, false, clerk,
                    receipt(draftId), CommentStatus.PUBLISHED, null, List.of(), "import:" + fileHash + ":" + row.row(),
                    row.received(), now(), null));
            Optional<Long> id = stored.id();
            String receipt = stored.receipt();
            if (id.isPresent()) {
                imported++;
                metrics.received(channel);
                events.publishEvent(new CommentSubmitted(id.get(), draftId, receipt, row.email(),
                        locale.toLanguageTag(), draft.title(), p == null ? null : p.label(), CommentStatus.PUBLISHED));
            } else {
                already++;
            }
        }
        audit.record("comment.import", "draft", draftId, filename + ": " + imported + " imported, " + already
                + " already there, " + problems.size() + " problems");
        return new ImportOutcome(report.totalRows(), rows.size(), imported, already, problems, warnings);
    }

    /** An .xlsx to start from, headers in the caller's language. */
    public byte[] importTemplate(java.util.Locale locale) {
        return new OfflineCommentReader(clock).template(locale);
    }

    private static void index(List<Provision> nodes, Map<String, Provision> out) {
        for (Provision p : nodes) {
            out.put(p.key(), p);
            index(p.children(), out);
        }
    }

    private static String key(ProvisionCitation c) {
        return "a" + c.article() + (c.paragraph() > 0 ? ".p" + c.paragraph() : "") + (c.item() > 0 ? ".i" + c.item()
                : "");
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content)).substring(0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Challenges.Challenge challenge(long draftId) {
        DraftSummary draft = drafts.requireOpen(draftId);
        if (!draft.allowAnonymous()) {
            throw new KaimenException(HttpStatus.FORBIDDEN, "comments.error.sign-in");
        }
        return challenges.issue(draftId);
    }

    public boolean hasConsent() {
        return accounts.current().map(a -> comments.hasConsent(a.id())).orElse(false);
    }

    @Transactional(readOnly = true)
    public CommentStats stats(long draftId) {
        drafts.get(draftId);
        Map<Stance, Long> byStance = new EnumMap<>(Stance.class);
        comments.countsBy(draftId, "stance").forEach((k, v) -> byStance.put(Stance.valueOf(k), v));
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        comments.countsBy(draftId, "channel").forEach((k, v) -> byChannel.put(Channel.valueOf(k), v));
        Map<LocalDate, Long> byDay = comments.countsByDay(draftId, clock.getZone().getId());
        Map<String, String> labels = new HashMap<>();
        Map<String, Long> byArticle = byArticle(draftId, labels);
        return new CommentStats(byStance.values().stream().mapToLong(Long::longValue).sum(), byStance, byChannel,
                byDay, byArticle, labels);
    }

    /**
     * Counts per article of the current version; comments written on earlier versions count for the article their
     * provision continues in.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> byArticle(long draftId) {
        return byArticle(draftId, new HashMap<>());
    }

    private Map<String, Long> byArticle(long draftId, Map<String, String> labels) {
        Map<String, Long> out = new HashMap<>();
        comments.countsByProvision(draftId).forEach((provisionId, n) -> {
            ProvisionRef ref = drafts.resolve(provisionId, 0);
            if (ref.provision() != null && ref.provision().key().startsWith("a")) {
                String article = ref.provision().key().split("\\.")[0];
                out.merge(article, n, Long::sum);
                String label = ref.provision().label();
                labels.putIfAbsent(article, label.contains("条") ? label.substring(0, label.indexOf('条') + 1) : label);
            }
        });
        return out;
    }

    private void moderate(long commentId, CommentStatus status, String reason) {
        Row r = comments.find(commentId).orElseThrow(CommentService::notFound);
        comments.setStatus(commentId, status, reason, now());
        audit.record("comment." + status.name().toLowerCase(), "comment", commentId, reason);
        events.publishEvent(new CommentModerated(commentId, r.draftId(), status, reason));
    }

    private void limit(Optional<AccountSummary> me, String address) {
        if (!properties.rateLimitEnabled()) {
            return;
        }
        if (address != null) {
            perAddress.acquire(address).ifPresent(wait -> {
                throw new TooManyRequestsException(wait, "comments.error.rate");
            });
        }
        if (me.isPresent()) {
            perAccount.acquire("account:" + me.get().id()).ifPresent(wait -> {
                throw new TooManyRequestsException(wait, "comments.error.rate");
            });
        } else if (address != null) {
            anonymousPerAddress.acquire(address).ifPresent(wait -> {
                throw new TooManyRequestsException(wait, "comments.error.rate");
            });
        }
    }

    /** The index projection of one comment, or empty when it no longer exists. */
    @Transactional(readOnly = true)
    public Optional<IndexableComment> indexable(long commentId) {
        return comments.find(commentId).map(r -> indexable(r, new HashMap<>()));
    }

    /** Several comments at once, in id order; unknown ids are left out. */
    @Transactional(readOnly = true)
    public List<IndexableComment> indexable(java.util.Collection<Long> commentIds) {
        Map<Long, ProvisionRef> refs = new HashMap<>();
        List<IndexableComment> out = new java.util.ArrayList<>();
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(commentIds));
        for (int from = 0; from < ids.size(); from += 2000) {
            comments.byIds(ids.subList(from, Math.min(ids.size(), from + 2000)))
                    .forEach(r -> out.add(indexable(r, refs)));
        }
        return out;
    }

    /**
     * Every top-level comment of a draft that is not hidden, in id order: what topics, campaigns and the feedback desk
     * work on (replies are conversation, hidden comments are out of the record's count).
     */
    @Transactional(readOnly = true)
    public List<IndexableComment> visibleOfDraft(long draftId) {
        List<IndexableComment> out = new java.util.ArrayList<>();
        long after = 0;
        List<IndexableComment> page;
        do {
            page = indexableOfDraft(draftId, after, 2000);
            page.stream().filter(c -> c.status() != CommentStatus.HIDDEN).forEach(out::add);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == 2000);
        return out;
    }

    /** Comments in id order after {@code afterId}, for rebuilding the index from PostgreSQL. */
    @Transactional(readOnly = true)
    public List<IndexableComment> indexableAfter(long afterId, int limit) {
        Map<Long, ProvisionRef> refs = new HashMap<>();
        return comments.after(afterId, limit).stream().map(r -> indexable(r, refs)).toList();
    }

    /** The top-level comments of one draft in id order after {@code afterId}. */
    @Transactional(readOnly = true)
    public List<IndexableComment> indexableOfDraft(long draftId, long afterId, int limit) {
        Map<Long, ProvisionRef> refs = new HashMap<>();
        return comments.afterInDraft(draftId, afterId, limit).stream().map(r -> indexable(r, refs)).toList();
    }

    /** Ids of comments changed since a moment, for catching up after an index rebuild. */
    @Transactional(readOnly = true)
    public List<Long> changedSince(OffsetDateTime since) {
        return comments.changedSince(since);
    }

    @Transactional(readOnly = true)
    public long countAll() {
        return comments.countAll();
    }

    private IndexableComment indexable(Row r, Map<Long, ProvisionRef> refs) {
        ProvisionRef ref = r.provisionId() == null ? null
                : refs.computeIfAbsent(r.provisionId(), id -> drafts.resolve(id, 0));
        String articleKey = ref == null || ref.provision() == null || !ref.provision().key().startsWith("a") ? null
                : ref.provision().key().split("\\.")[0];
        String author = r.accountId() != null ? "a" + r.accountId()
                : r.authorEmail() != null ? "e" + Integer.toHexString(r.authorEmail().toLowerCase().hashCode()) : null;
        return new IndexableComment(r.id(), r.draftId(), r.versionNumber(), r.provisionId(), articleKey,
                ref == null || ref.provision() == null ? null : ref.provision().label(), r.stance(), r.channel(),
                r.status(), r.textPublic(), r.proposedPublic(), r.proposedText() != null, r.parentId(), r.supports(),
                r.createdAt(), r.rowVersion(), author, r.disposition());
    }

    /** Forget counted requests (for the load benchmark and tests). */
    public void resetRateLimits() {
        perAddress.reset();
        perAccount.reset();
        anonymousPerAddress.reset();
    }

    private PublicComment toPublic(Row r, Map<Long, String> labels) {
        return new PublicComment(r.id(), r.draftId(), r.provisionId(),
                r.provisionId() == null ? null : labels.computeIfAbsent(r.provisionId(), this::label),
                r.versionNumber(), r.stance(), r.textPublic(), r.proposedPublic(), r.quoteText(), r.channel(),
                publicAuthor(r), r.supports(), r.parentId(), r.createdAt());
    }

    private StaffComment toStaff(Row r, Map<Long, String> labels) {
        return new StaffComment(r.id(), r.draftId(), r.provisionId(),
                r.provisionId() == null ? null : labels.computeIfAbsent(r.provisionId(), this::label),
                r.versionNumber(), r.stance(), r.text(), r.proposedText(), r.textPublic(), r.quoteText(), r.channel(),
                r.station(), r.authorName(), r.authorEmail(), r.authorPhone(), r.authorAddress(), r.accountId(),
                r.receipt(), r.status(),
                r.moderationReason(), r.flags(), r.supports(), r.reports(), r.parentId(), r.createdAt());
    }

    /** 张** by default, the full name only with the author's consent, 匿名 without a name. */
    private String publicAuthor(Row r) {
        if (r.authorName() == null || r.authorName().isBlank()) {
            return null;
        }
        return r.namePublic() ? r.authorName() : moderation.maskName(r.authorName());
    }

    private String label(Long provisionId) {
        if (provisionId == null) {
            return null;
        }
        ProvisionRef ref = drafts.resolve(provisionId, 0);
        return ref.provision() == null ? null : ref.provision().label();
    }

    private static String requireStation(String station) {
        if (station == null || station.isBlank()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.station");
        }
        return station.strip();
    }

    /**
     * Inserts a comment with a receipt of its own. Receipts are short enough to read out on the phone, 31^6 per
     * draft and day: with a million comments on one draft in a day, about one draw in 900 is taken already (the scale
     * benchmark hit one, and the citizen's submission failed). A taken receipt is drawn again.
     *
     * @return the new id and the receipt it was stored with, or the comment the idempotency key already has
     */
    private Stored insert(CommentRepository.Insert first) {
        CommentRepository.Insert row = first;
        for (int draw = 1; ; draw++) {
            Optional<Long> id = comments.insert(row);
            if (id.isPresent()) {
                return new Stored(id, row.receipt(), null);
            }
            Optional<Row> earlier = row.idempotencyKey() == null ? Optional.empty()
                    : comments.findByIdempotencyKey(row.draftId(), row.idempotencyKey());
            if (earlier.isPresent()) {
                return new Stored(Optional.empty(), null, earlier.get());
            }
            if (draw == RECEIPT_DRAWS) {
                throw new IllegalStateException("no free receipt for draft " + row.draftId() + " in " + draw
                        + " draws");
            }
            row = row.withReceipt(receipt(row.draftId()));
        }
    }

    /** What was stored, or the comment stored earlier under the same idempotency key. */
    private record Stored(Optional<Long> id, String receipt, Row earlier) {
    }

    private static final int RECEIPT_DRAWS = 20;
    /** Characters drawn per receipt; a test narrows it to make draws collide. */
    int receiptLength = 6;

    private String receipt(long draftId) {
        StringBuilder sb = new StringBuilder("D").append(draftId).append('-')
                .append(DateTimeFormatter.ofPattern("yyyyMMdd").format(now())).append('-');
        java.security.SecureRandom random = org.kaimen.shared.infra.SecureRandoms.current();
        for (int i = 0; i < receiptLength; i++) {
            sb.append(RECEIPT_ALPHABET[random.nextInt(RECEIPT_ALPHABET.length)]);
        }
        return sb.toString();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static KaimenException notFound() {
        return new KaimenException(HttpStatus.NOT_FOUND, "comments.error.not-found");
    }
}
