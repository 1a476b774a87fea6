package org.kaimen.drafts.internal.versioning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Semantic cleanup of a raw diff, after diff-match-patch's {@code diff_cleanupSemantic} but with
 * boundary scores tuned for Chinese punctuation and with every split kept on code-point
 * boundaries.
 *
 * <p>Works on a doubly linked list: the passes splice nodes in the middle of the script, and an
 * array list would turn a diff of a long, heavily edited text quadratic.
 */
final class DiffCleanup {

    /** Sliding an edit further than this in search of a nicer boundary is not worth the copying. */
    private static final int MAX_LOSSLESS_STEPS = 64;

    /** Overlap extraction is cosmetic; skip it on huge edits where indexOf could get expensive. */
    private static final int MAX_OVERLAP_SCAN = 10_000;

    private DiffCleanup() {
    }

    static List<DiffOp> semantic(List<DiffOp> raw) {
        Script script = Script.of(raw);
        // Myers may emit insert-before-delete and split runs; the later passes assume neither.
        merge(script);
        if (eliminateSmallEqualities(script)) {
            merge(script);
        }
        alignToBoundaries(script);
        extractOverlaps(script);
        keepNumbersWhole(script);
        return script.toOps();
    }

    /**
     * Turns an equality that is no longer than the edits on both of its sides into a delete +
     * insert. That is what removes the single shared 的/和/、 between two rewritten phrases.
     */
    private static boolean eliminateSmallEqualities(Script script) {
        boolean changed = false;
        Deque<Node> equalities = new ArrayDeque<>();
        String lastEquality = null;
        int insertedBefore = 0;
        int deletedBefore = 0;
        int insertedAfter = 0;
        int deletedAfter = 0;
        Node pointer = script.head.next;
        while (pointer != script.tail) {
            if (pointer.kind == DiffOp.Kind.EQUAL) {
                equalities.push(pointer);
                insertedBefore = insertedAfter;
                deletedBefore = deletedAfter;
                insertedAfter = 0;
                deletedAfter = 0;
                lastEquality = pointer.text;
            } else {
                if (pointer.kind == DiffOp.Kind.INSERT) {
                    insertedAfter += length(pointer.text);
                } else {
                    deletedAfter += length(pointer.text);
                }
                if (lastEquality != null) {
                    int size = length(lastEquality);
                    if (size <= Math.max(insertedBefore, deletedBefore) && size <= Math.max(insertedAfter, deletedAfter)) {
                        Node equality = equalities.pop();
                        script.insertBefore(equality, new Node(DiffOp.Kind.DELETE, equality.text));
                        equality.kind = DiffOp.Kind.INSERT;
                        // The previous equality must be re-evaluated against the now larger edits.
                        if (!equalities.isEmpty()) {
                            equalities.pop();
                        }
                        pointer = equalities.isEmpty() ? script.head : equalities.peek();
                        insertedBefore = 0;
                        deletedBefore = 0;
                        insertedAfter = 0;
                        deletedAfter = 0;
                        lastEquality = null;
                        changed = true;
                    }
                }
            }
            pointer = pointer.next;
        }
        return changed;
    }

    /**
     * Normalises the script: merges runs of the same kind, factors common prefixes and suffixes
     * out of delete/insert pairs, and shifts single edits sideways when that removes an equality
     * ({@code A<ins>BA</ins>C -> <ins>AB</ins>AC}).
     */
    static void merge(Script script) {
        boolean shifted;
        do {
            mergeRuns(script);
            shifted = shiftSingleEdits(script);
        } while (shifted);
    }

    private static void mergeRuns(Script script) {
        script.append(new Node(DiffOp.Kind.EQUAL, ""));
        Node pointer = script.head.next;
        Node firstEdit = null;
        int deleteCount = 0;
        int insertCount = 0;
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        while (pointer != script.tail) {
            if (pointer.kind != DiffOp.Kind.EQUAL) {
                if (firstEdit == null) {
                    firstEdit = pointer;
                }
                if (pointer.kind == DiffOp.Kind.INSERT) {
                    insertCount++;
                    inserted.append(pointer.text);
                } else {
                    deleteCount++;
                    deleted.append(pointer.text);
                }
                pointer = pointer.next;
                continue;
            }
            if (deleteCount + insertCount > 1) {
                String textDelete = deleted.toString();
                String textInsert = inserted.toString();
                if (deleteCount != 0 && insertCount != 0) {
                    int common = commonPrefix(textInsert, textDelete);
                    if (common != 0) {
                        Node before = firstEdit.prev;
                        String shared = textInsert.substring(0, common);
                        if (before != script.head && before.kind == DiffOp.Kind.EQUAL) {
                            before.text = before.text + shared;
                        } else {
                            script.insertBefore(firstEdit, new Node(DiffOp.Kind.EQUAL, shared));
                        }
                        textInsert = textInsert.substring(common);
                        textDelete = textDelete.substring(common);
                    }
                    common = commonSuffix(textInsert, textDelete);
                    if (common != 0) {
                        pointer.text = textInsert.substring(textInsert.length() - common) + pointer.text;
                        textInsert = textInsert.substring(0, textInsert.length() - common);
                        textDelete = textDelete.substring(0, textDelete.length() - common);
                    }
                }
                Node edit = firstEdit;
                while (edit != pointer) {
                    Node next = edit.next;
                    script.remove(edit);
                    edit = next;
                }
                if (!textDelete.isEmpty()) {
                    script.insertBefore(pointer, new Node(DiffOp.Kind.DELETE, textDelete));
                }
                if (!textInsert.isEmpty()) {
                    script.insertBefore(pointer, new Node(DiffOp.Kind.INSERT, textInsert));
                }
            }
            Node previous = pointer.prev;
            if (previous != script.head && previous.kind == DiffOp.Kind.EQUAL) {
                previous.text = previous.text + pointer.text;
                Node next = pointer.next;
                script.remove(pointer);
                pointer = next;
            } else {
                pointer = pointer.next;
            }
            deleteCount = 0;
            insertCount = 0;
            deleted.setLength(0);
            inserted.setLength(0);
            firstEdit = null;
        }
        Node last = script.tail.prev;
        if (last != script.head && last.kind == DiffOp.Kind.EQUAL && last.text.isEmpty()) {
            script.remove(last);
        }
    }

    private static boolean shiftSingleEdits(Script script) {
        boolean changed = false;
        Node pointer = script.head.next == script.tail ? script.tail : script.head.next.next;
        while (pointer != script.tail && pointer.next != script.tail) {
            Node previous = pointer.prev;
            Node next = pointer.next;
            if (previous.kind == DiffOp.Kind.EQUAL && next.kind == DiffOp.Kind.EQUAL && pointer.kind != DiffOp.Kind.EQUAL) {
                if (pointer.text.endsWith(previous.text)) {
                    pointer.text = previous.text + pointer.text.substring(0, pointer.text.length() - previous.text.length());
                    next.text = previous.text + next.text;
                    script.remove(previous);
                    changed = true;
                } else if (pointer.text.startsWith(next.text)) {
                    previous.text = previous.text + next.text;
                    pointer.text = pointer.text.substring(next.text.length()) + next.text;
                    script.remove(next);
                    changed = true;
                }
            }
            pointer = pointer.next;
        }
        return changed;
    }

    /**
     * Slides each single edit between two equalities to the position whose edges fall on the
     * strongest boundary (paragraph, sentence, clause), so an inserted clause is shown with its
     * own comma instead of borrowing the neighbour's.
     */
    private static void alignToBoundaries(Script script) {
        Node pointer = script.head.next == script.tail ? script.tail : script.head.next.next;
        while (pointer != script.tail && pointer.next != script.tail) {
            Node previous = pointer.prev;
            Node next = pointer.next;
            if (previous.kind == DiffOp.Kind.EQUAL && next.kind == DiffOp.Kind.EQUAL) {
                String equality1 = previous.text;
                String edit = pointer.text;
                String equality2 = next.text;

                int offset = commonSuffix(equality1, edit);
                if (offset != 0) {
                    String common = edit.substring(edit.length() - offset);
                    equality1 = equality1.substring(0, equality1.length() - offset);
                    edit = common + edit.substring(0, edit.length() - offset);
                    equality2 = common + equality2;
                }

                String bestEquality1 = equality1;
                String bestEdit = edit;
                String bestEquality2 = equality2;
                int bestScore = boundaryScore(equality1, edit) + boundaryScore(edit, equality2);
                int steps = 0;
                while (!edit.isEmpty() && !equality2.isEmpty() && steps++ < MAX_LOSSLESS_STEPS
                        && edit.codePointAt(0) == equality2.codePointAt(0)) {
                    int width = Character.charCount(edit.codePointAt(0));
                    equality1 = equality1 + edit.substring(0, width);
                    edit = edit.substring(width) + equality2.substring(0, width);
                    equality2 = equality2.substring(width);
                    int score = boundaryScore(equality1, edit) + boundaryScore(edit, equality2);
                    // >= prefers the rightmost of equally good positions, i.e. trailing punctuation.
                    if (score >= bestScore) {
                        bestScore = score;
                        bestEquality1 = equality1;
                        bestEdit = edit;
                        bestEquality2 = equality2;
                    }
                }

                if (!previous.text.equals(bestEquality1)) {
                    if (bestEquality1.isEmpty()) {
                        script.remove(previous);
                    } else {
                        previous.text = bestEquality1;
                    }
                    pointer.text = bestEdit;
                    if (bestEquality2.isEmpty()) {
                        script.remove(next);
                    } else {
                        next.text = bestEquality2;
                    }
                }
            }
            pointer = pointer.next;
        }
    }

    /**
     * {@code <del>abcxxx</del><ins>xxxdef</ins>} becomes {@code <del>abc</del>xxx<ins>def</ins>}
     * when the overlap is at least half of one side: the shared middle is real common text that the
     * equality elimination swallowed.
     */
    private static void extractOverlaps(Script script) {
        Node pointer = script.head.next;
        while (pointer != script.tail && pointer.next != script.tail) {
            Node insertion = pointer.next;
            if (pointer.kind == DiffOp.Kind.DELETE && insertion.kind == DiffOp.Kind.INSERT) {
                String deleted = pointer.text;
                String inserted = insertion.text;
                int forward = commonOverlap(deleted, inserted);
                int backward = commonOverlap(inserted, deleted);
                if (forward >= backward) {
                    if (forward * 2 >= deleted.length() || forward * 2 >= inserted.length()) {
                        script.insertBefore(insertion, new Node(DiffOp.Kind.EQUAL, inserted.substring(0, forward)));
                        pointer.text = deleted.substring(0, deleted.length() - forward);
                        insertion.text = inserted.substring(forward);
                    }
                } else if (backward * 2 >= deleted.length() || backward * 2 >= inserted.length()) {
                    script.insertBefore(insertion, new Node(DiffOp.Kind.EQUAL, deleted.substring(0, backward)));
                    pointer.kind = DiffOp.Kind.INSERT;
                    pointer.text = inserted.substring(0, inserted.length() - backward);
                    insertion.kind = DiffOp.Kind.DELETE;
                    insertion.text = deleted.substring(backward);
                }
                pointer = insertion.next;
            } else {
                pointer = pointer.next;
            }
        }
    }

    /**
     * Dates, amounts and fines must read as changed numbers: {@code 20<del>19</del><ins>20</ins>}
     * and {@code 1<del>0</del>月} are minimal but misleading, so an edit that starts or ends inside
     * a run of digits takes the rest of the run into both its deleted and its inserted side.
     */
    private static void keepNumbersWhole(Script script) {
        Node node = script.head.next;
        while (node != script.tail) {
            if (node.kind == DiffOp.Kind.EQUAL) {
                node = node.next;
                continue;
            }
            Node first = node;
            Node last = node;
            StringBuilder deleted = new StringBuilder();
            StringBuilder inserted = new StringBuilder();
            while (last != script.tail && last.kind != DiffOp.Kind.EQUAL) {
                (last.kind == DiffOp.Kind.DELETE ? deleted : inserted).append(last.text);
                last = last.next;
            }
            Node before = first.prev;
            Node after = last;
            boolean touchesDigitLeft = startsWithDigit(deleted) || startsWithDigit(inserted);
            boolean touchesDigitRight = endsWithDigit(deleted) || endsWithDigit(inserted);
            String head = "";
            String tail = "";
            if (before != script.head && before.kind == DiffOp.Kind.EQUAL && touchesDigitLeft) {
                int cut = before.text.length();
                while (cut > 0 && Character.isDigit(before.text.charAt(cut - 1))) {
                    cut--;
                }
                head = before.text.substring(cut);
                before.text = before.text.substring(0, cut);
            }
            if (after != script.tail && touchesDigitRight) {
                int cut = 0;
                while (cut < after.text.length() && Character.isDigit(after.text.charAt(cut))) {
                    cut++;
                }
                tail = after.text.substring(0, cut);
                after.text = after.text.substring(cut);
            }
            if (!head.isEmpty() || !tail.isEmpty()) {
                for (Node edit = first; edit != last; ) {
                    Node next = edit.next;
                    script.remove(edit);
                    edit = next;
                }
                script.insertBefore(last, new Node(DiffOp.Kind.DELETE, head + deleted + tail));
                script.insertBefore(last, new Node(DiffOp.Kind.INSERT, head + inserted + tail));
            }
            node = last;
        }
    }

    private static boolean startsWithDigit(CharSequence text) {
        return text.length() > 0 && Character.isDigit(text.charAt(0));
    }

    private static boolean endsWithDigit(CharSequence text) {
        return text.length() > 0 && Character.isDigit(text.charAt(text.length() - 1));
    }

    /**
     * How good a place the seam between {@code one} and {@code two} is for an edit edge. Chinese
     * has no spaces, so punctuation is the only signal of meaning units.
     */
    static int boundaryScore(String one, String two) {
        if (one.isEmpty() || two.isEmpty()) {
            return 6;
        }
        int left = one.codePointBefore(one.length());
        int right = two.codePointAt(0);
        if (left == '\n' || right == '\n' || left == '\r') {
            return 5;
        }
        if (isSentenceEnd(left)) {
            return 4;
        }
        if (isClauseBreak(left)) {
            return 3;
        }
        if (isOpening(right) || isClosing(left) || Character.isWhitespace(left) || Character.isWhitespace(right)) {
            return 2;
        }
        if (!Character.isLetterOrDigit(left) || !Character.isLetterOrDigit(right)
                || Character.isIdeographic(left) != Character.isIdeographic(right)) {
            return 1;
        }
        return 0;
    }

    private static boolean isSentenceEnd(int cp) {
        return switch (cp) {
            case '。', '；', ';', '！', '!', '？', '?', '.' -> true;
            default -> false;
        };
    }

    private static boolean isClauseBreak(int cp) {
        return switch (cp) {
            case '，', ',', '、', '：', ':' -> true;
            default -> false;
        };
    }

    private static boolean isOpening(int cp) {
        return switch (cp) {
            case '（', '(', '《', '“', '‘', '「', '『', '【', '[' -> true;
            default -> false;
        };
    }

    private static boolean isClosing(int cp) {
        return switch (cp) {
            case '）', ')', '》', '”', '’', '」', '』', '】', ']' -> true;
            default -> false;
        };
    }

    /** Common prefix length in UTF-16 units, never ending between the halves of a surrogate pair. */
    static int commonPrefix(String a, String b) {
        int limit = Math.min(a.length(), b.length());
        int n = 0;
        while (n < limit && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        if (n > 0 && Character.isHighSurrogate(a.charAt(n - 1))) {
            n--;
        }
        return n;
    }

    /** Common suffix length in UTF-16 units, never starting between the halves of a surrogate pair. */
    static int commonSuffix(String a, String b) {
        int limit = Math.min(a.length(), b.length());
        int n = 0;
        while (n < limit && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        if (n > 0 && Character.isLowSurrogate(a.charAt(a.length() - n))) {
            n--;
        }
        return n;
    }

    /** Length of the longest suffix of {@code a} that is a prefix of {@code b}. */
    static int commonOverlap(String a, String b) {
        int aLength = a.length();
        int bLength = b.length();
        if (aLength == 0 || bLength == 0 || Math.min(aLength, bLength) > MAX_OVERLAP_SCAN) {
            return 0;
        }
        if (aLength > bLength) {
            a = a.substring(aLength - bLength);
        } else if (aLength < bLength) {
            b = b.substring(0, aLength);
        }
        int size = Math.min(aLength, bLength);
        int best = 0;
        if (a.equals(b)) {
            best = size;
        } else {
            int length = 1;
            while (true) {
                String pattern = a.substring(size - length);
                int found = b.indexOf(pattern);
                if (found == -1) {
                    break;
                }
                length += found;
                if (found == 0 || a.substring(size - length).equals(b.substring(0, length))) {
                    best = length;
                    length++;
                }
            }
        }
        // An overlap that cuts a surrogate pair would render as two broken glyphs; drop it.
        if (best > 0 && best < b.length() && Character.isHighSurrogate(b.charAt(best - 1))
                && Character.isLowSurrogate(b.charAt(best))) {
            return 0;
        }
        return best;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    static final class Node {
        DiffOp.Kind kind;
        String text;
        Node prev;
        Node next;

        Node(DiffOp.Kind kind, String text) {
            this.kind = kind;
            this.text = text;
        }
    }

    /** Sentinel-bounded doubly linked list of runs. */
    static final class Script {
        final Node head = new Node(DiffOp.Kind.EQUAL, "");
        final Node tail = new Node(DiffOp.Kind.EQUAL, "");

        Script() {
            head.next = tail;
            tail.prev = head;
        }

        static Script of(List<DiffOp> ops) {
            Script script = new Script();
            for (DiffOp op : ops) {
                if (!op.text().isEmpty()) {
                    script.append(new Node(op.kind(), op.text()));
                }
            }
            return script;
        }

        void append(Node node) {
            insertBefore(tail, node);
        }

        void insertBefore(Node anchor, Node node) {
            node.prev = anchor.prev;
            node.next = anchor;
            anchor.prev.next = node;
            anchor.prev = node;
        }

        void remove(Node node) {
            node.prev.next = node.next;
            node.next.prev = node.prev;
        }

        /** Drops empty runs and fuses neighbours of the same kind so callers get a canonical list. */
        List<DiffOp> toOps() {
            List<DiffOp> ops = new ArrayList<>();
            DiffOp.Kind kind = null;
            StringBuilder text = new StringBuilder();
            for (Node node = head.next; node != tail; node = node.next) {
                if (node.text.isEmpty()) {
                    continue;
                }
                if (node.kind != kind && kind != null) {
                    ops.add(new DiffOp(kind, text.toString()));
                    text.setLength(0);
                }
                kind = node.kind;
                text.append(node.text);
            }
            if (kind != null) {
                ops.add(new DiffOp(kind, text.toString()));
            }
            return ops;
        }
    }
}
