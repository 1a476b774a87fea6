package org.kaimen.drafts.internal.versioning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kaimen.drafts.internal.HtmlText;

/**
 * Character-level diff for legal text in Chinese.
 *
 * <p>Chinese has no word boundaries, so the diff works on Unicode code points (never on UTF-16
 * units, which would cut emoji and rare CJK Extension B characters in half). The raw Myers diff is
 * minimal but reads as confetti once the two versions share many function characters (的, 和, 、),
 * so {@link #diff} runs a semantic cleanup afterwards; {@link #similarity} uses the raw diff because
 * it wants the real edit cost, not the readable one.
 *
 * <p>Work is bounded by a deterministic budget rather than a wall-clock timeout so that the same
 * input always produces the same redline (a timeout would make the published diff depend on server
 * load). When the budget runs out the diff falls back to clause-level alignment and refines only
 * the changed clauses; the result is still a correct edit script, just less minimal.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CharDiff {

    /**
     * Roughly the number of Myers cells explored; 500k is about 1.5 ms. Two 2,000-character
     * articles with ordinary amendments need a few thousand. Only texts that share little beyond
     * common characters exhaust it, and for those a clause-level redline reads better anyway.
     * The fallback gets a quarter for clause alignment and half for refinement, so the worst case
     * stays under twice the budget.
     */
    static final long DEFAULT_BUDGET = 500_000L;

    /** Unpunctuated runs are chunked so that the clause-level fallback still has tokens to align. */
    private static final int MAX_CLAUSE_LENGTH = 32;

    private final long budget;

    public CharDiff() {
        this(DEFAULT_BUDGET);
    }

    /** A smaller budget forces the fallback path; tests use it to prove the fallback is correct. */
    CharDiff(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must be >= 0");
        }
        this.budget = budget;
    }

    /** Readable diff: minimal Myers diff followed by semantic cleanup. */
    public List<DiffOp> diff(String before, String after) {
        return DiffCleanup.semantic(rawDiff(before, after));
    }

    /**
     * 1 - cost / length of the longer text, in code points, where cost = longer length - code
     * points kept by the diff. A replacement therefore costs the length of its longer side, as a
     * substitution does in Levenshtein distance (of which this is a lower bound), and unlike the
     * sum-over-regions variant the result is symmetric and never needs clamping.
     */
    public double similarity(String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            return 1.0;
        }
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (x.length == 0 || y.length == 0) {
            return 0.0;
        }
        EditScript script = script(x, y);
        long kept = 0;
        for (int i = 0; i < script.size; i++) {
            if (script.kinds[i] == DiffOp.Kind.EQUAL) {
                kept += script.to[i] - script.from[i];
            }
        }
        return (double) kept / Math.max(x.length, y.length);
    }

    /**
     * Renders a redline. All text is escaped, including quotes, because article text comes from
     * uploaded drafts and citizen-visible pages must never execute it.
     */
    public static String toHtml(List<DiffOp> ops) {
        StringBuilder html = new StringBuilder();
        for (DiffOp op : ops) {
            switch (op.kind()) {
                case EQUAL -> HtmlText.escapeInto(op.text(), html);
                case DELETE -> {
                    html.append("<del>");
                    HtmlText.escapeInto(op.text(), html);
                    html.append("</del>");
                }
                case INSERT -> {
                    html.append("<ins>");
                    HtmlText.escapeInto(op.text(), html);
                    html.append("</ins>");
                }
            }
        }
        return html.toString();
    }

    /** Minimal (or, past the budget, near-minimal) diff without cleanup; adjacent runs merged. */
    List<DiffOp> rawDiff(String before, String after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        int[] a = before.codePoints().toArray();
        int[] b = after.codePoints().toArray();
        EditScript script = script(a, b);
        List<DiffOp> ops = new ArrayList<>(script.size);
        for (int i = 0; i < script.size; i++) {
            int[] source = script.kinds[i] == DiffOp.Kind.INSERT ? b : a;
            ops.add(new DiffOp(script.kinds[i], new String(source, script.from[i], script.to[i] - script.from[i])));
        }
        return ops;
    }

    private EditScript script(int[] a, int[] b) {
        EditScript out = new EditScript();
        try {
            new Myers(a, b, budget).diff(0, a.length, 0, b.length, out);
            return out;
        } catch (BudgetExceeded e) {
            return clauseLevel(a, b);
        }
    }

    /**
     * Fallback for large or very different texts: align clauses first (far fewer tokens, so the
     * quadratic worst case is affordable), then refine each replaced block character by character
     * from one shared budget. Blocks that no longer fit become plain delete + insert.
     */
    private EditScript clauseLevel(int[] a, int[] b) {
        Map<String, Integer> ids = new HashMap<>();
        int[] aBounds = clauseBounds(a);
        int[] bBounds = clauseBounds(b);
        int[] aTokens = tokenIds(a, aBounds, ids);
        int[] bTokens = tokenIds(b, bBounds, ids);

        EditScript tokens = new EditScript();
        try {
            new Myers(aTokens, bTokens, budget / 4).diff(0, aTokens.length, 0, bTokens.length, tokens);
        } catch (BudgetExceeded e) {
            tokens = new EditScript();
            tokens.add(DiffOp.Kind.DELETE, 0, aTokens.length);
            tokens.add(DiffOp.Kind.INSERT, 0, bTokens.length);
        }

        EditScript out = new EditScript();
        Myers refine = new Myers(a, b, budget / 2);
        int ta = 0;
        int tb = 0;
        int i = 0;
        while (i < tokens.size) {
            if (tokens.kinds[i] == DiffOp.Kind.EQUAL) {
                int count = tokens.to[i] - tokens.from[i];
                out.add(DiffOp.Kind.EQUAL, aBounds[ta], aBounds[ta + count]);
                ta += count;
                tb += count;
                i++;
                continue;
            }
            int deleted = 0;
            int inserted = 0;
            while (i < tokens.size && tokens.kinds[i] != DiffOp.Kind.EQUAL) {
                int count = tokens.to[i] - tokens.from[i];
                if (tokens.kinds[i] == DiffOp.Kind.DELETE) {
                    deleted += count;
                } else {
                    inserted += count;
                }
                i++;
            }
            int aFrom = aBounds[ta];
            int aTo = aBounds[ta + deleted];
            int bFrom = bBounds[tb];
            int bTo = bBounds[tb + inserted];
            EditScript block = new EditScript();
            boolean wholeInput = aFrom == 0 && aTo == a.length && bFrom == 0 && bTo == b.length;
            try {
                if (wholeInput) {
                    // Exactly the problem that just ran out of budget; don't pay for it twice.
                    throw BudgetExceeded.INSTANCE;
                }
                refine.diff(aFrom, aTo, bFrom, bTo, block);
            } catch (BudgetExceeded e) {
                block = new EditScript();
                block.add(DiffOp.Kind.DELETE, aFrom, aTo);
                block.add(DiffOp.Kind.INSERT, bFrom, bTo);
            }
            out.addAll(block);
            ta += deleted;
            tb += inserted;
        }
        return out;
    }

    /** Token start offsets plus a final sentinel equal to the text length. */
    private static int[] clauseBounds(int[] text) {
        int[] bounds = new int[text.length + 1];
        int count = 0;
        int start = 0;
        bounds[count++] = 0;
        for (int i = 0; i < text.length; i++) {
            if (isClauseEnd(text[i]) || i + 1 - start >= MAX_CLAUSE_LENGTH) {
                start = i + 1;
                if (start < text.length) {
                    bounds[count++] = start;
                }
            }
        }
        if (text.length > 0) {
            bounds[count++] = text.length;
        }
        return Arrays.copyOf(bounds, count);
    }

    private static int[] tokenIds(int[] text, int[] bounds, Map<String, Integer> ids) {
        int[] tokens = new int[bounds.length - 1];
        for (int t = 0; t < tokens.length; t++) {
            String token = new String(text, bounds[t], bounds[t + 1] - bounds[t]);
            tokens[t] = ids.computeIfAbsent(token, k -> ids.size());
        }
        return tokens;
    }

    private static boolean isClauseEnd(int cp) {
        return switch (cp) {
            case '。', '；', ';', '！', '!', '？', '?', '，', ',', '、', '：', ':', '\n' -> true;
            default -> false;
        };
    }

    /** Thrown without a stack trace: it is control flow, and may fire often under load. */
    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final BudgetExceeded INSTANCE = new BudgetExceeded();

        private BudgetExceeded() {
            super("diff budget exceeded", null, false, false);
        }
    }

    /** Growable run-length edit script; EQUAL/DELETE ranges index the old text, INSERT the new. */
    private static final class EditScript {
        DiffOp.Kind[] kinds = new DiffOp.Kind[16];
        int[] from = new int[16];
        int[] to = new int[16];
        int size;

        void add(DiffOp.Kind kind, int start, int end) {
            if (end <= start) {
                return;
            }
            if (size > 0 && kinds[size - 1] == kind && to[size - 1] == start) {
                to[size - 1] = end;
                return;
            }
            if (size == kinds.length) {
                kinds = Arrays.copyOf(kinds, size * 2);
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
            }
            kinds[size] = kind;
            from[size] = start;
            to[size] = end;
            size++;
        }

        void addAll(EditScript other) {
            for (int i = 0; i < other.size; i++) {
                add(other.kinds[i], other.from[i], other.to[i]);
            }
        }
    }

    /**
     * Myers' O(ND) algorithm in its linear-space "middle snake" form (as in diff-match-patch's
     * bisect): memory stays O(N) even for long articles, and recursion depth is O(log D) because
     * each split halves the remaining edit distance.
     */
    private static final class Myers {
        private final int[] a;
        private final int[] b;
        private long remaining;

        Myers(int[] a, int[] b, long budget) {
            this.a = a;
            this.b = b;
            this.remaining = budget;
        }

        void diff(int aLo, int aHi, int bLo, int bHi, EditScript out) {
            int prefix = 0;
            while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] == b[bLo + prefix]) {
                prefix++;
            }
            out.add(DiffOp.Kind.EQUAL, aLo, aLo + prefix);
            aLo += prefix;
            bLo += prefix;
            int suffix = 0;
            while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - 1 - suffix] == b[bHi - 1 - suffix]) {
                suffix++;
            }
            aHi -= suffix;
            bHi -= suffix;
            if (aLo == aHi) {
                out.add(DiffOp.Kind.INSERT, bLo, bHi);
            } else if (bLo == bHi) {
                out.add(DiffOp.Kind.DELETE, aLo, aHi);
            } else {
                bisect(aLo, aHi, bLo, bHi, out);
            }
            out.add(DiffOp.Kind.EQUAL, aHi, aHi + suffix);
        }

        private void bisect(int aLo, int aHi, int bLo, int bHi, EditScript out) {
            int n = aHi - aLo;
            int m = bHi - bLo;
            int maxD = (n + m + 1) / 2;
            int vOffset = maxD;
            int vLength = 2 * maxD + 2;
            int[] v1 = new int[vLength];
            int[] v2 = new int[vLength];
            Arrays.fill(v1, -1);
            Arrays.fill(v2, -1);
            v1[vOffset + 1] = 0;
            v2[vOffset + 1] = 0;
            int delta = n - m;
            // With an odd delta the paths can only meet while extending the forward path.
            boolean front = (delta & 1) != 0;
            int k1start = 0;
            int k1end = 0;
            int k2start = 0;
            int k2end = 0;
            for (int d = 0; d < maxD; d++) {
                long work = 0;
                for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                    int k1Offset = vOffset + k1;
                    int x1 = (k1 == -d || (k1 != d && v1[k1Offset - 1] < v1[k1Offset + 1]))
                            ? v1[k1Offset + 1]
                            : v1[k1Offset - 1] + 1;
                    int y1 = x1 - k1;
                    int snakeStart = x1;
                    while (x1 < n && y1 < m && a[aLo + x1] == b[bLo + y1]) {
                        x1++;
                        y1++;
                    }
                    work += 1 + x1 - snakeStart;
                    v1[k1Offset] = x1;
                    if (x1 > n) {
                        k1end += 2;
                    } else if (y1 > m) {
                        k1start += 2;
                    } else if (front) {
                        int k2Offset = vOffset + delta - k1;
                        if (k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] != -1) {
                            int x2 = n - v2[k2Offset];
                            if (x1 >= x2) {
                                split(aLo, aHi, bLo, bHi, x1, y1, out);
                                return;
                            }
                        }
                    }
                }
                for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                    int k2Offset = vOffset + k2;
                    int x2 = (k2 == -d || (k2 != d && v2[k2Offset - 1] < v2[k2Offset + 1]))
                            ? v2[k2Offset + 1]
                            : v2[k2Offset - 1] + 1;
                    int y2 = x2 - k2;
                    int snakeStart = x2;
                    while (x2 < n && y2 < m && a[aHi - 1 - x2] == b[bHi - 1 - y2]) {
                        x2++;
                        y2++;
                    }
                    work += 1 + x2 - snakeStart;
                    v2[k2Offset] = x2;
                    if (x2 > n) {
                        k2end += 2;
                    } else if (y2 > m) {
                        k2start += 2;
                    } else if (!front) {
                        int k1Offset = vOffset + delta - k2;
                        if (k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] != -1) {
                            int x1 = v1[k1Offset];
                            int y1 = vOffset + x1 - k1Offset;
                            if (x1 >= n - x2) {
                                split(aLo, aHi, bLo, bHi, x1, y1, out);
                                return;
                            }
                        }
                    }
                }
                remaining -= work;
                if (remaining < 0) {
                    throw BudgetExceeded.INSTANCE;
                }
            }
            // No common subsequence at all.
            out.add(DiffOp.Kind.DELETE, aLo, aHi);
            out.add(DiffOp.Kind.INSERT, bLo, bHi);
        }

        private void split(int aLo, int aHi, int bLo, int bHi, int x, int y, EditScript out) {
            diff(aLo, aLo + x, bLo, bLo + y, out);
            diff(aLo + x, aHi, bLo + y, bHi, out);
        }
    }
}
