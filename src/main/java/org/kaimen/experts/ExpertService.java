package org.kaimen.experts;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kaimen.accounts.Role;
import org.kaimen.experts.internal.ConsultationRepository;
import org.kaimen.experts.internal.ExpertRepository;
import org.kaimen.experts.internal.ExpertWorkbook;
import org.kaimen.experts.internal.WorkingDays;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.web.KaimenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry: experts, the field taxonomy, the appointment procedure, .xlsx import and export, and each
 * expert's yearly record. Staff only; contact details are personal data, so list reads are audited.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.DRAFTER_NAME + "', '" + Role.ADMIN_NAME + "')")
public class ExpertService {

    /** Public notice of candidates: 7 working days. */
    public static final int NOTICE_WORKING_DAYS = 7;
    /** Default term: five years (第6条 of the municipal rule; many local texts use the congress's term instead). */
    public static final int DEFAULT_TERM_YEARS = 5;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    /** A row of an import that was refused, with its message key. */
    public record ImportProblem(int row, String messageKey, String detail) {
    }

    public record ImportReport(int created, int updated, List<ImportProblem> problems) {
    }

    private final ExpertRepository experts;
    private final ConsultationRepository consultations;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    ExpertService(ExpertRepository experts, ConsultationRepository consultations, AuditLog audit, Clock clock,
                  @Value("${kaimen.time-zone}") String zone) {
        this.experts = experts;
        this.consultations = consultations;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Transactional(readOnly = true)
    public List<Field> fields() {
        return experts.fields(false);
    }

    @Transactional
    public void saveField(Field field) {
        if (field.code() == null || !field.code().matches("[a-z0-9-]{1,40}") || field.nameZh() == null
                || field.nameZh().isBlank()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.field");
        }
        experts.saveField(new Field(field.code(), field.nameZh().strip(),
                field.nameEn() == null || field.nameEn().isBlank() ? field.nameZh().strip() : field.nameEn().strip(),
                field.position(), field.active()));
        audit.record("expert.field.save", "expert_field", field.code(), field.nameZh());
    }

    @Transactional
    public long create(ExpertForm form) {
        check(form, null);
        long id = experts.insert(form, ExpertStatus.CANDIDATE, termEnd(form), now());
        audit.record("expert.create", "expert", id, form.name());
        return id;
    }

    @Transactional
    public void update(long id, ExpertForm form) {
        get(id);
        check(form, id);
        experts.update(id, form, termEnd(form), now());
        audit.record("expert.update", "expert", id, form.name());
    }

    @Transactional(readOnly = true)
    public Expert get(long id) {
        return experts.find(id).orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "experts.error.not-found"));
    }

    @Transactional
    public List<Expert> search(String text, String field, ExpertStatus status, int limit, int offset) {
        List<Expert> found = experts.search(text, field, status, limit, offset);
        audit.record("expert.read", "expert", null, "list of " + found.size());
        return found;
    }

    @Transactional(readOnly = true)
    public int count(String text, String field, ExpertStatus status) {
        return experts.count(text, field, status);
    }

    /** Candidates under public notice (公示), for the public page: name, title, organisation and fields only. */
    @Transactional(readOnly = true)
    @PreAuthorize("permitAll()")
    public List<NoticedCandidate> publicNotice() {
        Map<String, String> names = experts.fields(false).stream()
                .collect(Collectors.toMap(Field::code, Field::nameZh));
        return experts.withStatus(ExpertStatus.PUBLIC_NOTICE).stream()
                .filter(e -> e.noticeEndsOn() == null || !e.noticeEndsOn().isBefore(today()))
                .map(e -> new NoticedCandidate(e.name(), e.title(), e.organisation(),
                        e.fields().stream().map(f -> names.getOrDefault(f, f)).toList(), e.noticeEndsOn()))
                .toList();
    }

    /** Candidate → public notice; the notice ends after {@link #NOTICE_WORKING_DAYS} working days (Mon–Fri). */
    @Transactional
    public LocalDate startNotice(long id) {
        Expert e = require(id, ExpertStatus.CANDIDATE);
        LocalDate ends = WorkingDays.after(today(), NOTICE_WORKING_DAYS);
        experts.setStatus(id, ExpertStatus.PUBLIC_NOTICE, ends, null, null, now());
        audit.record("expert.notice", "expert", e.id(), "until " + ends);
        return ends;
    }

    /** After the notice has run its course; the term starts today unless one was entered. */
    @Transactional
    public void appoint(long id) {
        Expert e = require(id, ExpertStatus.PUBLIC_NOTICE);
        if (e.noticeEndsOn() != null && today().isBefore(e.noticeEndsOn())) {
            throw new KaimenException(HttpStatus.CONFLICT, "experts.error.notice-running", e.noticeEndsOn());
        }
        LocalDate start = e.termStart() != null && !e.termStart().isBefore(today()) ? e.termStart() : today();
        LocalDate end = e.termEnd() != null && e.termEnd().isAfter(start) ? e.termEnd()
                : start.plusYears(DEFAULT_TERM_YEARS).minusDays(1);
        experts.setStatus(id, ExpertStatus.APPOINTED, e.noticeEndsOn(), start, end, now());
        audit.record("expert.appoint", "expert", id, start + ".." + end);
    }

    @Transactional
    public void suspend(long id, String reason) {
        require(id, ExpertStatus.APPOINTED);
        experts.setStatus(id, ExpertStatus.SUSPENDED, null, null, null, now());
        audit.record("expert.suspend", "expert", id, reason);
    }

    @Transactional
    public void reinstate(long id) {
        require(id, ExpertStatus.SUSPENDED);
        experts.setStatus(id, ExpertStatus.APPOINTED, null, null, null, now());
        audit.record("expert.reinstate", "expert", id, null);
    }

    /** Resignation, dismissal or a term that ended; final. */
    @Transactional
    public void retire(long id, String reason) {
        Expert e = get(id);
        if (e.status() == ExpertStatus.RETIRED) {
            throw new KaimenException(HttpStatus.CONFLICT, "experts.error.status", e.status());
        }
        experts.setStatus(id, ExpertStatus.RETIRED, null, null, null, now());
        audit.record("expert.retire", "expert", id, reason);
    }

    /** Rows by e-mail: a known address updates that expert, a new one adds a candidate. Each row stands alone. */
    @Transactional
    public ImportReport importXlsx(InputStream in) {
        Map<String, String> fieldCodes = new HashMap<>();
        for (Field f : experts.fields(false)) {
            fieldCodes.put(f.code(), f.code());
            fieldCodes.put(f.nameZh(), f.code());
            fieldCodes.put(f.nameEn().toLowerCase(), f.code());
        }
        int created = 0;
        int updated = 0;
        List<ImportProblem> problems = new ArrayList<>();
        for (ExpertWorkbook.Row row : ExpertWorkbook.read(in, fieldCodes)) {
            if (row.problem() != null) {
                problems.add(new ImportProblem(row.number(), row.problem(), row.detail()));
                continue;
            }
            Optional<Expert> existing = experts.findByEmail(row.form().email());
            try {
                check(row.form(), existing.map(Expert::id).orElse(null));
            } catch (KaimenException e) {
                problems.add(new ImportProblem(row.number(), e.messageKey(), row.form().email()));
                continue;
            }
            if (existing.isPresent()) {
                experts.update(existing.get().id(), row.form(), termEnd(row.form()), now());
                updated++;
            } else {
                experts.insert(row.form(), ExpertStatus.CANDIDATE, termEnd(row.form()), now());
                created++;
            }
        }
        audit.record("expert.import", "expert", null, "created=" + created + " updated=" + updated
                + " refused=" + problems.size());
        return new ImportReport(created, updated, problems);
    }

    @Transactional
    public byte[] exportXlsx(String text, String field, ExpertStatus status) {
        List<Expert> all = experts.search(text, field, status, 100_000, 0);
        audit.record("expert.export", "expert", null, "rows=" + all.size());
        Map<String, String> names = experts.fields(false).stream()
                .collect(Collectors.toMap(Field::code, Field::nameZh));
        return ExpertWorkbook.write(all, names);
    }

    /** Every expert's year, with the warnings for the dismissal rule and for terms about to end. */
    @Transactional(readOnly = true)
    public List<YearRecord> yearRecords(int year) {
        if (year < 2000 || year > 2200) {
            // PostgreSQL's timestamps end in the year 294276; a typo in an address must not reach it as a 500.
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.year", year);
        }
        OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = from.plusYears(1);
        OffsetDateTime now = now();
        Map<Long, int[]> counts = new HashMap<>();
        for (ConsultationRepository.YearRow r : consultations.year(from, to)) {
            int[] c = counts.computeIfAbsent(r.expertId(), k -> new int[5]);
            c[0]++;
            if (r.status() == InvitationStatus.ACCEPTED) {
                c[1]++;
                if (r.opinionAt() != null) {
                    c[2]++;
                }
                if (r.kind() == ConsultationKind.MEETING && r.attendance() == Attendance.ABSENT) {
                    c[3]++;
                }
                if (r.kind() == ConsultationKind.WRITTEN && r.opinionAt() == null && r.opinionDue().isBefore(now)
                        && r.attendance() != Attendance.EXCUSED) {
                    c[4]++;
                }
            }
        }
        List<YearRecord> records = new ArrayList<>();
        LocalDate today = today();
        for (ExpertStatus s : Set.of(ExpertStatus.APPOINTED, ExpertStatus.SUSPENDED)) {
            for (Expert e : experts.withStatus(s)) {
                int[] c = counts.getOrDefault(e.id(), new int[5]);
                boolean termEnding = e.termEnd() != null && !e.termEnd().isAfter(today.plusDays(90));
                records.add(new YearRecord(e.id(), e.name(), year, c[0], c[1], c[2], c[3], c[4],
                        c[3] > 2 || c[4] > 2, termEnding));
            }
        }
        records.sort(java.util.Comparator.comparing(YearRecord::dismissalWarning).reversed()
                .thenComparing(YearRecord::termEnding, java.util.Comparator.reverseOrder())
                .thenComparing(YearRecord::name));
        return records;
    }

    public int currentYear() {
        return today().getYear();
    }

    private void check(ExpertForm f, Long id) {
        if (f.name() == null || f.name().isBlank() || f.name().strip().length() > 60) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.name");
        }
        if (f.email() == null || !EMAIL.matcher(f.email().strip()).matches()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.email");
        }
        if (f.sector() == null) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.sector");
        }
        Set<String> known = experts.fields(false).stream().map(Field::code).collect(Collectors.toSet());
        if (f.fields() != null && !known.containsAll(f.fields())) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.field");
        }
        experts.findByEmail(f.email()).filter(e -> id == null || e.id() != id).ifPresent(e -> {
            throw new KaimenException(HttpStatus.CONFLICT, "experts.error.email-taken");
        });
        if (f.termStart() != null && f.termEnd() != null && !f.termEnd().isAfter(f.termStart())) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.term");
        }
    }

    private static LocalDate termEnd(ExpertForm f) {
        if (f.termEnd() != null || f.termStart() == null) {
            return f.termEnd();
        }
        return f.termStart().plusYears(DEFAULT_TERM_YEARS).minusDays(1);
    }

    private Expert require(long id, ExpertStatus expected) {
        Expert e = get(id);
        if (e.status() != expected) {
            throw new KaimenException(HttpStatus.CONFLICT, "experts.error.status", e.status());
        }
        return e;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
