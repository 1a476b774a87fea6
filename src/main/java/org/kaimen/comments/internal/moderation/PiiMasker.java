package org.kaimen.comments.internal.moderation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data inside free comment text.
 *
 * <p>The masked text is what every public view, the open API and the search index get; the
 * original stays available to staff only. Masking therefore errs on the side of hiding: a
 * false positive costs a reader a few digits, a false negative publishes someone's phone
 * number on a government consultation site.
 *
 * <p>Masking formats (digits in the masked form are always ASCII, separators are dropped):
 * <ul>
 *   <li>{@link Kind#PHONE} mobile: first 3 and last 4 digits, {@code 138****5678}. A
 *       {@code +86}/{@code 86}/{@code 0086} prefix is part of the finding and is dropped,
 *       because a country code says nothing useful to a reader.</li>
 *   <li>{@link Kind#PHONE} landline: area code, a hyphen, then the local number with all
 *       but its last 3 digits masked, {@code 0543-****567} / {@code 010-*****678}. The area
 *       code only names a city, which the comment usually says anyway.</li>
 *   <li>{@link Kind#ID_NUMBER}: first 4 digits (province and city) and last 4 (sequence
 *       and check character), {@code 3716**********123X}; 15-digit IDs keep the same
 *       4 + 4, {@code 3701*******0123}. The birth date in the middle is what identifies.</li>
 *   <li>{@link Kind#BANK_CARD}: first 4 and last 4 digits, like the banks' own receipts.</li>
 *   <li>{@link Kind#EMAIL}: first character of the local part plus {@code ***}, domain
 *       kept: {@code z***@example.com}. Three stars regardless of length, so the length of
 *       the name does not leak either.</li>
 * </ul>
 *
 * <p>What is recognised: digits in any width (ASCII, full-width, other decimal scripts),
 * with up to {@value #MAX_SEPARATORS_BETWEEN_GROUPS} spaces, hyphens, dots or brackets
 * between digit groups, anywhere in the text (glued to Chinese or Latin letters too).
 * Mobiles {@code 1[3-9]} + 9 digits with optional {@code +86}/{@code 86}/{@code 0086};
 * landlines with area code (010, 02x, 0xxx) and a 7–8 digit local number, also as dialled
 * from abroad ({@code +86 10 …}, {@code 0086-10-…}); 18-digit IDs with a valid province,
 * ISO 7064 MOD 11-2 check character and a birth date between {@link #EARLIEST_BIRTH_DATE}
 * and today; 15-digit IDs with a valid province and date; 16–19 digit card numbers starting
 * with 3–6 that pass Luhn; e-mail addresses with a dotted domain ending in a letters-only TLD.
 *
 * <p>Deliberately not masked, to keep comments readable: numbers followed by 元/万/亿/千/百/%
 * or preceded by a currency sign (amounts), runs of more than {@value #MAX_NUMBER_DIGITS}
 * digits, 11-digit numbers not starting with 1[3-9], dates, article and document numbers,
 * local numbers without area code, 400/800 service numbers. Also out of scope: QQ and WeChat
 * IDs, street addresses, names inside the text. Two numbers written back to back with only
 * spaces between them are read left to right and may occasionally be split wrongly; the
 * digits still end up masked in practice, but the kinds may be off.
 *
 * <p>Masking is idempotent: text that already contains masks in exactly these shapes is
 * recognised and left alone, so re-masking stored, already-masked text is safe.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PiiMasker {

    /** What kind of personal data a finding is. Landlines and mobiles are both {@link #PHONE}. */
    public enum Kind { PHONE, ID_NUMBER, EMAIL, BANK_CARD }

    /** One piece of personal data; {@code start}/{@code end} are char offsets into the original text. */
    public record Finding(Kind kind, int start, int end) {
        public Finding {
            Objects.requireNonNull(kind, "kind");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }
    }

    /** The masked text and what was masked, findings ordered by start and never overlapping. */
    public record MaskResult(String masked, List<Finding> findings) {
        public MaskResult {
            findings = List.copyOf(findings);
        }
    }

    /**
     * How many separator characters may stand between two digit groups of one number.
     * Three allows {@code "138 - 1234 - 5678"}; more would start gluing unrelated numbers
     * in a sentence together.
     */
    static final int MAX_SEPARATORS_BETWEEN_GROUPS = 3;

    /**
     * The longest digit sequence considered as one number (19-digit bank cards). Longer runs
     * are account numbers, hashes or tables, and are not masked.
     */
    static final int MAX_NUMBER_DIGITS = 19;

    /** Earliest plausible birth date in an ID number; anything older is not a living commenter's ID. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /**
     * Characters right after a number that make it an amount of money or a percentage rather
     * than a phone or card number ({@code 15000000000元}).
     */
    private static final String AMOUNT_SUFFIXES = "元万亿千百%";

    /** Currency signs right before a number that make it an amount ({@code ￥15000000000}). */
    private static final String AMOUNT_PREFIXES = "$¥￥";

    /**
     * Shapes this class produces. Recognising them keeps masking idempotent: without it, the
     * digits kept at the edge of a mask could combine with neighbouring digits into a new,
     * different match on the second pass. A trailing X may be directly followed by digits
     * (the ID's run ends at X), so the digit lookahead only applies when the mask ends in a digit.
     */
    private static final Pattern ALREADY_MASKED = Pattern.compile(
            "(?<![0-9])(?:"
                    + "[0-9]{3}\\*{4}[0-9]{4}(?![0-9])"
                    + "|0[0-9]{2,3}-\\*{4,5}[0-9]{3}(?![0-9])"
                    + "|[0-9]{4}\\*{7,11}[0-9]{3}(?:X|[0-9](?![0-9]))"
                    + ")");

    /** GB/T 2260 province-level codes, the first two digits of every resident ID. */
    private static final boolean[] PROVINCE = new boolean[100];

    static {
        int[] codes = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44,
            45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91};
        for (int code : codes) {
            PROVINCE[code] = true;
        }
    }

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARS = "10X98765432";

    // Priorities when several readings of the same digits are valid; lower wins. Checksummed
    // IDs are the strongest evidence, 15-digit IDs (no checksum) the weakest, so a mobile
    // followed by a short number is not swallowed as an old ID.
    private static final int PRIORITY_ID18 = 0;
    private static final int PRIORITY_MOBILE = 1;
    private static final int PRIORITY_BANK_CARD = 2;
    private static final int PRIORITY_LANDLINE = 3;
    private static final int PRIORITY_ID15 = 4;

    private final Clock clock;

    /** Uses the system clock to decide which birth dates are in the future. */
    public PiiMasker() {
        this(Clock.systemDefaultZone());
    }

    /** The clock only bounds plausible birth dates in ID numbers; inject one for reproducible tests. */
    public PiiMasker(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Convenience for callers that only need the public text; {@code null} stays {@code null}. */
    public String maskText(String text) {
        return mask(text).masked();
    }

    /**
     * Finds and masks personal data. Never throws; {@code null} gives a result whose text is
     * {@code null}, so callers can pass nullable database columns straight through.
     */
    public MaskResult mask(String text) {
        if (text == null) {
            return new MaskResult(null, List.of());
        }
        if (text.isEmpty()) {
            return new MaskResult(text, List.of());
        }
        Scan scan = new Scan(text, normalize(text), LocalDate.now(clock));
        scan.findEmails();
        scan.blockAlreadyMasked();
        scan.findNumbers();
        return scan.result();
    }

    /**
     * Maps each char to one char so that offsets stay valid: full-width ASCII to ASCII, any
     * BMP decimal digit to its ASCII digit, exotic spaces and zero-width characters to a
     * space, and dashes to a hyphen. Surrogates pass through untouched, so pairs stay intact.
     */
    private static char[] normalize(String text) {
        char[] n = new char[text.length()];
        for (int i = 0; i < n.length; i++) {
            n[i] = normalizeChar(text.charAt(i));
        }
        return n;
    }

    private static char normalizeChar(char c) {
        if (c < 0x80) {
            return c;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        switch (c) {
            case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
                return ' ';
            case '\u2212', '\uFE58', '\uFE63':
                return '-';
            default:
                break;
        }
        int type = Character.getType(c);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return (char) ('0' + Character.digit(c, 10));
        }
        if (type == Character.SPACE_SEPARATOR) {
            return ' ';
        }
        if (type == Character.DASH_PUNCTUATION) {
            return '-';
        }
        return c;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Characters that may separate digit groups of one written number. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
    }

    private static boolean isLocalPartChar(char c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || c == '.' || c == '_' || c == '%'
                || c == '+' || c == '-' || c == '*';
    }

    private static boolean isDomainChar(char c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || c == '.' || c == '-';
    }

    /** Leading characters not taken as the start of an address: dots and markup such as {@code **bold**}. */
    private static boolean isLocalPartTrim(char c) {
        return c == '.' || c == '*' || c == '-' || c == '+';
    }

    /** One maximal group of digits inside a run, optionally closed by an ID check character X. */
    private record Chunk(int start, int digitEnd, boolean checkX) {
        int digits() {
            return digitEnd - start;
        }
    }

    private record Candidate(Kind kind, int priority, int lastChunk, int start, int end, String replacement) {
    }

    /** State of one masking pass over one text. */
    private static final class Scan {
        private final String text;
        private final char[] n;
        private final boolean[] blocked;
        private final LocalDate today;
        private final List<Finding> findings = new ArrayList<>();
        private final List<String> replacements = new ArrayList<>();

        Scan(String text, char[] normalized, LocalDate today) {
            this.text = text;
            this.n = normalized;
            this.blocked = new boolean[normalized.length];
            this.today = today;
        }

        private void add(Kind kind, int start, int end, String replacement) {
            findings.add(new Finding(kind, start, end));
            replacements.add(replacement);
            for (int i = start; i < end; i++) {
                blocked[i] = true;
            }
        }

        /**
         * Expands around each '@' by hand instead of using a regex: the scan is linear even on
         * hostile input, and it allows addresses glued to Chinese text on both sides.
         */
        void findEmails() {
            int lowerBound = 0;
            for (int at = 0; at < n.length; at++) {
                if (n[at] != '@') {
                    continue;
                }
                int localStart = at;
                while (localStart > lowerBound && isLocalPartChar(n[localStart - 1])) {
                    localStart--;
                }
                while (localStart < at && isLocalPartTrim(n[localStart])) {
                    localStart++;
                }
                if (localStart == at) {
                    continue;
                }
                int domainEnd = domainEnd(at + 1);
                if (domainEnd < 0) {
                    continue;
                }
                String replacement = n[localStart] + "***@" + new String(n, at + 1, domainEnd - at - 1);
                add(Kind.EMAIL, localStart, domainEnd, replacement);
                lowerBound = domainEnd;
                at = domainEnd - 1;
            }
        }

        /**
         * Returns where the domain starting at {@code from} ends, or -1. The last label taken
         * must start with at least two letters (the TLD); trailing digits and further labels
         * are cut off so that {@code a@b.com2019年} and {@code a@b.com.138...} still match.
         */
        private int domainEnd(int from) {
            int scanEnd = from;
            while (scanEnd < n.length && isDomainChar(n[scanEnd])) {
                scanEnd++;
            }
            List<int[]> labels = new ArrayList<>();
            int labelStart = from;
            for (int p = from; p <= scanEnd; p++) {
                if (p == scanEnd || n[p] == '.') {
                    if (p == labelStart) {
                        break;
                    }
                    labels.add(new int[] {labelStart, p});
                    labelStart = p + 1;
                }
            }
            for (int t = labels.size() - 1; t >= 1; t--) {
                int[] label = labels.get(t);
                int letters = 0;
                while (label[0] + letters < label[1] && isAsciiLetter(n[label[0] + letters])) {
                    letters++;
                }
                if (letters >= 2) {
                    return label[0] + letters;
                }
            }
            return -1;
        }

        void blockAlreadyMasked() {
            Matcher matcher = ALREADY_MASKED.matcher(new String(n));
            while (matcher.find()) {
                boolean insideEmail = false;
                for (int i = matcher.start(); i < matcher.end() && !insideEmail; i++) {
                    insideEmail = blocked[i];
                }
                if (!insideEmail) {
                    for (int i = matcher.start(); i < matcher.end(); i++) {
                        blocked[i] = true;
                    }
                }
            }
        }

        private boolean isScanDigit(int i) {
            return i < n.length && !blocked[i] && isAsciiDigit(n[i]);
        }

        /**
         * Splits the text into runs of digit groups joined by short separators, then reads
         * each run left to right. Entities always consume whole groups, so a phone number is
         * never cut out of the middle of a longer number.
         */
        void findNumbers() {
            int i = 0;
            List<Chunk> chunks = new ArrayList<>();
            while (i < n.length) {
                if (!isScanDigit(i)) {
                    i++;
                    continue;
                }
                chunks.clear();
                int p = i;
                while (true) {
                    int s = p;
                    while (isScanDigit(p)) {
                        p++;
                    }
                    boolean checkX = p < n.length && !blocked[p] && (n[p] == 'X' || n[p] == 'x');
                    chunks.add(new Chunk(s, p, checkX));
                    if (checkX) {
                        // X only ever ends an ID, so nothing after it belongs to the same number.
                        p++;
                        break;
                    }
                    int q = p;
                    while (q < n.length && q - p < MAX_SEPARATORS_BETWEEN_GROUPS && !blocked[q] && isSeparator(n[q])) {
                        q++;
                    }
                    if (q > p && isScanDigit(q)) {
                        p = q;
                    } else {
                        break;
                    }
                }
                readRun(chunks);
                i = p;
            }
        }

        private void readRun(List<Chunk> chunks) {
            int k = 0;
            StringBuilder digits = new StringBuilder(MAX_NUMBER_DIGITS + 1);
            while (k < chunks.size()) {
                Candidate best = null;
                digits.setLength(0);
                for (int m = k; m < chunks.size(); m++) {
                    Chunk chunk = chunks.get(m);
                    if (digits.length() + chunk.digits() > MAX_NUMBER_DIGITS) {
                        break;
                    }
                    digits.append(n, chunk.start(), chunk.digits());
                    Candidate candidate = classify(digits.toString(), chunks, k, m);
                    // Same priority and more groups means a longer reading of the same kind.
                    if (candidate != null && (best == null || candidate.priority() <= best.priority())) {
                        best = candidate;
                    }
                }
                if (best == null) {
                    k++;
                } else {
                    add(best.kind(), best.start(), best.end(), best.replacement());
                    k = best.lastChunk() + 1;
                }
            }
        }

        private Candidate classify(String d, List<Chunk> chunks, int first, int last) {
            int start = chunks.get(first).start();
            Chunk lastChunk = chunks.get(last);
            int end = lastChunk.digitEnd();
            if (isAmount(start, end)) {
                return null;
            }
            if (lastChunk.checkX() && d.length() == 17 && isId18(d + 'X')) {
                return new Candidate(Kind.ID_NUMBER, PRIORITY_ID18, last, start, end + 1,
                        d.substring(0, 4) + "**********" + d.substring(14) + 'X');
            }
            if (d.length() == 18 && isId18(d)) {
                return new Candidate(Kind.ID_NUMBER, PRIORITY_ID18, last, start, end,
                        d.substring(0, 4) + "**********" + d.substring(14));
            }
            int core = mobileCoreOffset(d);
            if (core >= 0) {
                int s = start;
                // A digit glued to the '+' would end up glued to the mask and spoil re-masking.
                if (core > 0 && s > 0 && n[s - 1] == '+' && !blocked[s - 1] && (s < 2 || !isAsciiDigit(n[s - 2]))) {
                    s--;
                }
                s = includeOpeningParenthesis(s, end);
                return new Candidate(Kind.PHONE, PRIORITY_MOBILE, last, s, end,
                        d.substring(core, core + 3) + "****" + d.substring(core + 7));
            }
            if (isBankCard(d)) {
                return new Candidate(Kind.BANK_CARD, PRIORITY_BANK_CARD, last, start, end,
                        d.substring(0, 4) + "*".repeat(d.length() - 8) + d.substring(d.length() - 4));
            }
            int area = landlineAreaLength(d);
            if (area > 0) {
                int local = d.length() - area;
                return new Candidate(Kind.PHONE, PRIORITY_LANDLINE, last, includeOpeningParenthesis(start, end), end,
                        d.substring(0, area) + "-" + "*".repeat(local - 3) + d.substring(d.length() - 3));
            }
            Candidate international = internationalLandline(d, chunks, first, last, start, end);
            if (international != null) {
                return international;
            }
            if (d.length() == 15 && isId15(d)) {
                return new Candidate(Kind.ID_NUMBER, PRIORITY_ID15, last, start, end,
                        d.substring(0, 4) + "*******" + d.substring(11));
            }
            return null;
        }

        /**
         * {@code +86 10 6234 5678} / {@code 0086-10-62345678}: a landline dialled from abroad
         * drops the area code's 0. Only with an explicit '+' or 00, since a bare "86" in front
         * of ten digits is too often something else. Masked in the domestic form.
         */
        private Candidate internationalLandline(String d, List<Chunk> chunks, int first, int last, int start, int end) {
            int prefix;
            int s = start;
            if (d.startsWith("0086")) {
                prefix = 4;
            } else if (d.startsWith("86") && s > 0 && n[s - 1] == '+' && !blocked[s - 1]
                    && (s < 2 || !isAsciiDigit(n[s - 2]))) {
                prefix = 2;
                s--;
            } else {
                return null;
            }
            String domestic = "0" + d.substring(prefix);
            int area = landlineAreaLength(domestic);
            if (area < 0) {
                return null;
            }
            return new Candidate(Kind.PHONE, PRIORITY_LANDLINE, last, s, end,
                    domestic.substring(0, area) + "-" + "*".repeat(domestic.length() - area - 3)
                            + domestic.substring(domestic.length() - 3));
        }

        /**
         * Takes in the '(' of {@code (0543)1234567} so the mask does not leave a dangling
         * bracket; only when a ')' is inside the number and no digit is glued to the '('.
         */
        private int includeOpeningParenthesis(int start, int end) {
            if (start == 0 || n[start - 1] != '(' || blocked[start - 1]) {
                return start;
            }
            if (start >= 2 && isAsciiDigit(n[start - 2])) {
                return start;
            }
            for (int i = start; i < end; i++) {
                if (n[i] == ')') {
                    return start - 1;
                }
            }
            return start;
        }

        private boolean isAmount(int start, int end) {
            if (end < n.length && AMOUNT_SUFFIXES.indexOf(n[end]) >= 0) {
                return true;
            }
            return start > 0 && AMOUNT_PREFIXES.indexOf(n[start - 1]) >= 0;
        }

        private boolean isId18(String id) {
            if (!PROVINCE[(id.charAt(0) - '0') * 10 + (id.charAt(1) - '0')]) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
            }
            if (ID_CHECK_CHARS.charAt(sum % 11) != id.charAt(17)) {
                return false;
            }
            return isPlausibleBirthDate(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
        }

        /** Old 15-digit IDs have no checksum, only province and a two-digit 19xx birth year. */
        private boolean isId15(String id) {
            if (!PROVINCE[(id.charAt(0) - '0') * 10 + (id.charAt(1) - '0')]) {
                return false;
            }
            return isPlausibleBirthDate(1900 + Integer.parseInt(id.substring(6, 8)),
                    Integer.parseInt(id.substring(8, 10)), Integer.parseInt(id.substring(10, 12)));
        }

        private boolean isPlausibleBirthDate(int year, int month, int day) {
            if (year < EARLIEST_BIRTH_DATE.getYear() || year > today.getYear() || month < 1 || month > 12) {
                return false;
            }
            if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
                return false;
            }
            return !LocalDate.of(year, month, day).isAfter(today);
        }

        /** Offset of the 11-digit mobile number after an optional 86/0086 prefix, or -1. */
        private static int mobileCoreOffset(String d) {
            int core;
            if (d.length() == 11) {
                core = 0;
            } else if (d.length() == 13 && d.startsWith("86")) {
                core = 2;
            } else if (d.length() == 15 && d.startsWith("0086")) {
                core = 4;
            } else {
                return -1;
            }
            return d.charAt(core) == '1' && d.charAt(core + 1) >= '3' ? core : -1;
        }

        /**
         * Length of the area code if {@code d} is a landline with area code, else -1. Area
         * codes are prefix-free (010, 02x, 0[3-9]xx), so the split is unambiguous even when
         * the number is written without separators. A local number starting with 0 would be
         * a second trunk prefix, so it is not a phone number.
         */
        private static int landlineAreaLength(String d) {
            if (d.length() < 10 || d.charAt(0) != '0') {
                return -1;
            }
            int area;
            char second = d.charAt(1);
            if (second == '1') {
                area = d.charAt(2) == '0' ? 3 : -1;
            } else if (second == '2') {
                area = 3;
            } else if (second >= '3') {
                area = 4;
            } else {
                area = -1;
            }
            if (area < 0) {
                return -1;
            }
            int local = d.length() - area;
            return local >= 7 && local <= 8 && d.charAt(area) != '0' ? area : -1;
        }

        /**
         * 16–19 digits, issuer digit 3–6 (Amex/JCB, Visa, Mastercard, UnionPay) and a valid
         * Luhn checksum. The issuer filter keeps order numbers and serials (10% of which pass
         * Luhn by chance) from being masked.
         */
        private static boolean isBankCard(String d) {
            if (d.length() < 16 || d.length() > 19 || d.charAt(0) < '3' || d.charAt(0) > '6') {
                return false;
            }
            int sum = 0;
            boolean twice = false;
            for (int i = d.length() - 1; i >= 0; i--) {
                int digit = d.charAt(i) - '0';
                if (twice) {
                    digit *= 2;
                    if (digit > 9) {
                        digit -= 9;
                    }
                }
                sum += digit;
                twice = !twice;
            }
            return sum % 10 == 0;
        }

        MaskResult result() {
            if (findings.isEmpty()) {
                return new MaskResult(text, List.of());
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < findings.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingInt(i -> findings.get(i).start()));
            StringBuilder out = new StringBuilder(text.length());
            List<Finding> sorted = new ArrayList<>(findings.size());
            int copied = 0;
            for (int i : order) {
                Finding finding = findings.get(i);
                out.append(text, copied, finding.start()).append(replacements.get(i));
                copied = finding.end();
                sorted.add(finding);
            }
            out.append(text, copied, text.length());
            return new MaskResult(out.toString(), sorted);
        }
    }
}
