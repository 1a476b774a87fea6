package org.kaimen.analysis.internal.campaigns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds what a campaign member says beyond the campaign's template, so a clerk reading a
 * thousand copies of a form letter only has to read the personal parts.
 *
 * <p>Both texts are compared in normalized form, so punctuation, spacing and synonym swaps are
 * not reported as additions; the resulting spans are mapped back to the member's original text.
 * The comparison is a character-level Myers diff with a budget on the edit distance; when a
 * member is too different for that budget, sentences of the member that do not occur in the
 * template are reported instead.
 *
 * <p>Immutable and thread-safe.
 */
public final class TemplateDiff {

    /** A half-open UTF-16 range {@code [start, end)} of the member's original text. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
            }
        }

        public String of(String text) {
            return text.substring(start, end);
        }
    }

    /** Above this the trace of the Myers search (~D² ints) is no longer worth it. */
    public static final int DEFAULT_MAX_EDIT_DISTANCE = 2_000;

    /** Member text matching the template verbatim over this many characters is moved, not added. */
    private static final int MIN_MOVED_RUN = 8;

    private static final String SENTENCE_ENDS = "。！？；!?;\n\r…";

    private final TextNormalizer normalizer;
    private final int maxEditDistance;

    public TemplateDiff() {
        this(TextNormalizer.standard(), DEFAULT_MAX_EDIT_DISTANCE);
    }

    public TemplateDiff(TextNormalizer normalizer, int maxEditDistance) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        if (maxEditDistance < 1) {
            throw new IllegalArgumentException("maxEditDistance must be positive: " + maxEditDistance);
        }
        this.maxEditDistance = maxEditDistance;
    }

    /**
     * Spans of {@code member} (offsets into its original text, ascending, non-overlapping) that
     * are not part of {@code canonical}. Punctuation between two added characters is included in
     * the span; punctuation at the edges of an addition is not.
     */
    public List<Span> additions(String canonical, String member) {
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(member, "member");
        NormalizedText template = normalizer.normalizeWithOffsets(canonical);
        NormalizedText text = normalizer.normalizeWithOffsets(member);
        if (text.length() == 0) {
            return List.of();
        }
        boolean[] added = diffAdded(template.text(), text.text());
        if (added == null) {
            return sentenceAdditions(template.text(), member);
        }
        forgiveMovedText(template.text(), text.text(), added);
        return toSpans(text, added);
    }

    // ---------------------------------------------------------------------------------------
    // Character diff

    private enum Kind { EQUAL, INSERT, DELETE }

    private static final class Op {
        Kind kind;
        String text;

        Op(Kind kind, String text) {
            this.kind = kind;
            this.text = text;
        }
    }

    /** Marks characters of {@code b} absent from the alignment with {@code a}; null if over budget. */
    private boolean[] diffAdded(String a, String b) {
        List<Op> ops = diff(a, b);
        if (ops == null) {
            return null;
        }
        cleanupMerge(ops);
        boolean[] added = new boolean[b.length()];
        int pos = 0;
        for (Op op : ops) {
            if (op.kind == Kind.INSERT) {
                Arrays.fill(added, pos, pos + op.text.length(), true);
            }
            if (op.kind != Kind.DELETE) {
                pos += op.text.length();
            }
        }
        return added;
    }

    private List<Op> diff(String a, String b) {
        int prefix = 0;
        int limit = Math.min(a.length(), b.length());
        while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < limit - prefix
                && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        String midA = a.substring(prefix, a.length() - suffix);
        String midB = b.substring(prefix, b.length() - suffix);
        List<Op> middle = myers(midA, midB);
        if (middle == null) {
            return null;
        }
        List<Op> ops = new ArrayList<>(middle.size() + 2);
        if (prefix > 0) {
            ops.add(new Op(Kind.EQUAL, a.substring(0, prefix)));
        }
        ops.addAll(middle);
        if (suffix > 0) {
            ops.add(new Op(Kind.EQUAL, a.substring(a.length() - suffix)));
        }
        return ops;
    }

    /** Myers' O(ND) shortest edit script; gives up (null) once D exceeds the budget. */
    private List<Op> myers(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (n == 0 || m == 0) {
            List<Op> ops = new ArrayList<>(1);
            if (n > 0) {
                ops.add(new Op(Kind.DELETE, a));
            }
            if (m > 0) {
                ops.add(new Op(Kind.INSERT, b));
            }
            return ops;
        }
        int max = Math.min(n + m, maxEditDistance);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            // Snapshot of diagonals -(d+1)..(d+1) before round d, enough to backtrack round d.
            trace.add(Arrays.copyOfRange(v, offset - d - 1, offset + d + 2));
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a.charAt(x) == b.charAt(y)) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(a, b, trace, d);
                }
            }
        }
        return null;
    }

    private static List<Op> backtrack(String a, String b, List<int[]> trace, int finalD) {
        // Built back to front as single characters, then coalesced.
        List<Kind> kinds = new ArrayList<>();
        StringBuilder chars = new StringBuilder();
        int x = a.length();
        int y = b.length();
        for (int d = finalD; d > 0; d--) {
            int[] vPrev = trace.get(d);
            int base = d + 1; // index of diagonal 0 within the snapshot
            int k = x - y;
            int prevK;
            if (k == -d || (k != d && vPrev[base + k - 1] < vPrev[base + k + 1])) {
                prevK = k + 1;
            } else {
                prevK = k - 1;
            }
            int prevX = vPrev[base + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                kinds.add(Kind.EQUAL);
                chars.append(a.charAt(x - 1));
                x--;
                y--;
            }
            if (prevK == k + 1) {
                kinds.add(Kind.INSERT);
                chars.append(b.charAt(y - 1));
            } else {
                kinds.add(Kind.DELETE);
                chars.append(a.charAt(x - 1));
            }
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0) {
            kinds.add(Kind.EQUAL);
            chars.append(a.charAt(x - 1));
            x--;
            y--;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = kinds.size() - 1; i >= 0; i--) {
            Kind kind = kinds.get(i);
            char c = chars.charAt(i);
            Op last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
            if (last != null && last.kind == kind) {
                last.text = last.text + c;
            } else {
                ops.add(new Op(kind, String.valueOf(c)));
            }
        }
        return ops;
    }

    /**
     * Shortest edit scripts are ambiguous: with a greeting "…我是业主" before a template starting
     * "我…", Myers happily matches the greeting's 我 and reports the template's 我 as added. Sliding
     * single edits across an equal neighbour they end with (or start with) fixes that, as in
     * diff-match-patch's cleanupMerge.
     */
    private static void cleanupMerge(List<Op> ops) {
        boolean changed = true;
        int rounds = 0;
        while (changed && rounds++ < 64) {
            coalesce(ops);
            changed = false;
            for (int i = 1; i + 1 < ops.size(); i++) {
                Op prev = ops.get(i - 1);
                Op edit = ops.get(i);
                Op next = ops.get(i + 1);
                if (prev.kind != Kind.EQUAL || next.kind != Kind.EQUAL || edit.kind == Kind.EQUAL) {
                    continue;
                }
                if (edit.text.endsWith(prev.text)) {
                    // E<ins>XE</ins>N  →  <ins>EX</ins>EN
                    edit.text = prev.text + edit.text.substring(0, edit.text.length() - prev.text.length());
                    next.text = prev.text + next.text;
                    ops.remove(i - 1);
                    changed = true;
                    break;
                } else if (edit.text.startsWith(next.text)) {
                    // P<ins>NX</ins>N  →  PN<ins>XN</ins>
                    prev.text = prev.text + next.text;
                    edit.text = edit.text.substring(next.text.length()) + next.text;
                    ops.remove(i + 1);
                    changed = true;
                    break;
                }
            }
        }
        coalesce(ops);
    }

    private static void coalesce(List<Op> ops) {
        // Within a run of edits, deletions first then insertions, so equal neighbours can meet.
        List<Op> out = new ArrayList<>(ops.size());
        StringBuilder del = new StringBuilder();
        StringBuilder ins = new StringBuilder();
        StringBuilder eq = new StringBuilder();
        for (Op op : ops) {
            if (op.text.isEmpty()) {
                continue;
            }
            if (op.kind == Kind.EQUAL) {
                flushEdits(out, del, ins);
                eq.append(op.text);
            } else {
                flushEqual(out, eq);
                (op.kind == Kind.DELETE ? del : ins).append(op.text);
            }
        }
        flushEdits(out, del, ins);
        flushEqual(out, eq);
        ops.clear();
        ops.addAll(out);
    }

    private static void flushEdits(List<Op> out, StringBuilder del, StringBuilder ins) {
        if (del.length() > 0) {
            out.add(new Op(Kind.DELETE, del.toString()));
            del.setLength(0);
        }
        if (ins.length() > 0) {
            out.add(new Op(Kind.INSERT, ins.toString()));
            ins.setLength(0);
        }
    }

    private static void flushEqual(List<Op> out, StringBuilder eq) {
        if (eq.length() > 0) {
            out.add(new Op(Kind.EQUAL, eq.toString()));
            eq.setLength(0);
        }
    }

    /**
     * Mail-merge tools reorder sentences; a diff sees a moved sentence as deleted in one place
     * and inserted in another. It is not new content, so added characters covered by any
     * {@value #MIN_MOVED_RUN}-character stretch of the member that occurs verbatim in the
     * template are unmarked. Shorter stretches are left alone: 业主 or 物业 occur everywhere.
     */
    private static void forgiveMovedText(String template, String text, boolean[] added) {
        int k = MIN_MOVED_RUN;
        if (template.length() < k || text.length() < k) {
            return;
        }
        Set<Long> templateGrams = new HashSet<>();
        for (int i = 0; i + k <= template.length(); i++) {
            templateGrams.add(Hashing.hashChars(template, i, i + k));
        }
        boolean[] covered = new boolean[added.length];
        for (int p = 0; p + k <= text.length(); p++) {
            if (templateGrams.contains(Hashing.hashChars(text, p, p + k))) {
                Arrays.fill(covered, p, p + k, true);
            }
        }
        for (int i = 0; i < added.length; i++) {
            if (covered[i]) {
                added[i] = false;
            }
        }
    }

    private static List<Span> toSpans(NormalizedText text, boolean[] added) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < added.length) {
            if (!added[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < added.length && added[j]) {
                j++;
            }
            addMerged(spans, text.originalStart(i), text.originalEnd(j - 1));
            i = j;
        }
        return List.copyOf(spans);
    }

    private static void addMerged(List<Span> spans, int start, int end) {
        if (!spans.isEmpty()) {
            Span last = spans.get(spans.size() - 1);
            // Two runs can share an original range when a synonym expansion was split by the diff.
            if (start <= last.end()) {
                spans.set(spans.size() - 1, new Span(last.start(), Math.max(last.end(), end)));
                return;
            }
        }
        spans.add(new Span(start, end));
    }

    // ---------------------------------------------------------------------------------------
    // Sentence fallback

    private List<Span> sentenceAdditions(String normalizedTemplate, String member) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= member.length(); i++) {
            if (i == member.length() || SENTENCE_ENDS.indexOf(member.charAt(i)) >= 0) {
                if (i > start) {
                    String sentence = member.substring(start, i);
                    NormalizedText norm = normalizer.normalizeWithOffsets(sentence);
                    if (norm.length() > 0 && !normalizedTemplate.contains(norm.text())) {
                        addMerged(spans, start + norm.originalStart(0), start + norm.originalEnd(norm.length() - 1));
                    }
                }
                start = i + 1;
            }
        }
        return List.copyOf(spans);
    }
}
