package org.kaimen.comments.internal.moderation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds words from an admin-maintained list in comment text, resisting the usual evasions.
 *
 * <p>Built once per version of the list (the list is edited by admins, so the caller builds
 * a new instance when it changes and swaps the reference); instances are immutable and
 * thread-safe. Matching uses an Aho–Corasick automaton, so a text is scanned once no matter
 * how many thousands of words the list has.
 *
 * <p>Both the words and the text are normalised the same way before matching:
 * <ul>
 *   <li>full-width ASCII to half-width ({@code ＦＬ} → {@code fl}) and upper to lower case;</li>
 *   <li>filler characters are skipped entirely: whitespace, punctuation (Chinese and ASCII),
 *       symbols such as {@code * _ - . ·} and emoji, zero-width and other format characters,
 *       and combining marks. So {@code 法轮} also matches {@code 法 轮}, {@code 法*轮},
 *       {@code 法.轮} and 法, U+200B, 轮.</li>
 * </ul>
 * Traditional characters are not mapped to simplified ones; list both forms if needed.
 *
 * <p>Known trade-off of skipping punctuation: a match can straddle a sentence break
 * ({@code 办法。轮到}); matches are for review, so a few extra hits are preferred over
 * letting {@code 法，轮} through. Latin words match inside longer words too ({@code ass} in
 * {@code class}); avoid very short Latin entries. Filler characters inside a listed word are
 * ignored as well, so {@code C++} is the word {@code c}.
 */
public final class SensitiveWords {

    /**
     * One occurrence: {@code word} is the listed word as the admin wrote it, {@code start}
     * and {@code end} are char offsets into the original text, from its first to just after
     * its last matched character (fillers inside the span are included, fillers around it
     * are not).
     */
    public record Match(String word, int start, int end) {
        public Match {
            Objects.requireNonNull(word, "word");
        }
    }

    private static final int ROOT = 0;
    private static final int NONE = -1;

    /** Listed word per terminal node; the first listed spelling wins when two normalise alike. */
    private final String[] wordAt;
    private final int[] fail;
    /** Nearest node on the fail chain that ends a word, so reporting does not walk the whole chain. */
    private final int[] outputLink;
    private final int[] depth;
    private final EdgeMap edges;
    private final int maxDepth;

    /**
     * Builds the matcher. {@code null} and blank entries, and entries made only of filler
     * characters, are ignored; an empty list finds nothing.
     */
    public SensitiveWords(Collection<String> words) {
        Objects.requireNonNull(words, "words");
        Builder builder = new Builder(words.size() * 4 + 1);
        for (String word : words) {
            if (word != null) {
                builder.insert(word);
            }
        }
        this.edges = builder.edges;
        int nodes = builder.nodeCount;
        this.wordAt = Arrays.copyOf(builder.wordAt, nodes);
        this.depth = Arrays.copyOf(builder.depth, nodes);
        this.fail = new int[nodes];
        this.outputLink = new int[nodes];
        this.maxDepth = Math.max(1, builder.maxDepth);
        linkFailures(builder);
    }

    /** Every occurrence of every listed word, ordered by start then end; overlaps are all reported. */
    public List<Match> find(String text) {
        if (text == null || text.isEmpty() || wordAt.length == 1) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        scan(text, matches);
        matches.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::end));
        return List.copyOf(matches);
    }

    /** Whether any listed word occurs; stops at the first hit. */
    public boolean containsAny(String text) {
        if (text == null || text.isEmpty() || wordAt.length == 1) {
            return false;
        }
        return scan(text, null);
    }

    /** Runs the automaton; collects into {@code matches}, or returns at the first hit when it is null. */
    private boolean scan(String text, List<Match> matches) {
        // Start offsets of the last maxDepth non-filler characters: enough to map any match
        // back to the original text without an array as long as the text.
        int[] starts = new int[maxDepth];
        long fed = 0;
        int state = ROOT;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            int c = normalize(cp);
            if (isFiller(c)) {
                i = next;
                continue;
            }
            starts[(int) (fed % maxDepth)] = i;
            fed++;
            int child;
            while ((child = edges.get(state, c)) == NONE && state != ROOT) {
                state = fail[state];
            }
            state = child == NONE ? ROOT : child;
            int hit = wordAt[state] != null ? state : outputLink[state];
            while (hit != ROOT) {
                if (matches == null) {
                    return true;
                }
                int start = starts[(int) ((fed - depth[hit]) % maxDepth)];
                matches.add(new Match(wordAt[hit], start, next));
                hit = outputLink[hit];
            }
            i = next;
        }
        return false;
    }

    /** Breadth-first, so every node's fail target (which is shallower) is final before it is used. */
    private void linkFailures(Builder builder) {
        int[] queue = new int[wordAt.length];
        int head = 0;
        int tail = 0;
        for (int child = builder.firstChild[ROOT]; child != NONE; child = builder.nextSibling[child]) {
            fail[child] = ROOT;
            outputLink[child] = ROOT;
            queue[tail++] = child;
        }
        while (head < tail) {
            int node = queue[head++];
            for (int child = builder.firstChild[node]; child != NONE; child = builder.nextSibling[child]) {
                int c = builder.label[child];
                int f = fail[node];
                int target;
                while ((target = edges.get(f, c)) == NONE && f != ROOT) {
                    f = fail[f];
                }
                fail[child] = target == NONE ? ROOT : target;
                int failTarget = fail[child];
                outputLink[child] = wordAt[failTarget] != null ? failTarget : outputLink[failTarget];
                queue[tail++] = child;
            }
        }
    }

    static int normalize(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            cp -= 0xFEE0;
        } else if (cp == 0x3000) {
            cp = ' ';
        }
        return Character.toLowerCase(cp);
    }

    /** Characters an evader can sprinkle between the characters of a word without changing how it reads. */
    static boolean isFiller(int cp) {
        if (Character.isWhitespace(cp)) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    /** Growable trie used only while constructing. */
    private static final class Builder {
        final EdgeMap edges;
        String[] wordAt;
        int[] depth;
        int[] firstChild;
        int[] nextSibling;
        int[] label;
        int nodeCount = 1;
        int maxDepth;

        Builder(int expectedNodes) {
            int capacity = Math.max(16, expectedNodes);
            edges = new EdgeMap(capacity);
            wordAt = new String[capacity];
            depth = new int[capacity];
            firstChild = new int[capacity];
            nextSibling = new int[capacity];
            label = new int[capacity];
            firstChild[ROOT] = NONE;
            nextSibling[ROOT] = NONE;
        }

        void insert(String word) {
            int state = ROOT;
            int length = 0;
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                i += Character.charCount(cp);
                int c = normalize(cp);
                if (isFiller(c)) {
                    continue;
                }
                int child = edges.get(state, c);
                if (child == NONE) {
                    child = newNode(state, c, length + 1);
                }
                state = child;
                length++;
            }
            if (state != ROOT && wordAt[state] == null) {
                wordAt[state] = word;
                maxDepth = Math.max(maxDepth, length);
            }
        }

        private int newNode(int parent, int c, int nodeDepth) {
            if (nodeCount == wordAt.length) {
                int capacity = wordAt.length * 2;
                wordAt = Arrays.copyOf(wordAt, capacity);
                depth = Arrays.copyOf(depth, capacity);
                firstChild = Arrays.copyOf(firstChild, capacity);
                nextSibling = Arrays.copyOf(nextSibling, capacity);
                label = Arrays.copyOf(label, capacity);
            }
            int node = nodeCount++;
            depth[node] = nodeDepth;
            label[node] = c;
            firstChild[node] = NONE;
            nextSibling[node] = firstChild[parent];
            firstChild[parent] = node;
            edges.put(parent, c, node);
            return node;
        }
    }

    /**
     * Open-addressing map from (node, code point) to child node. A per-node HashMap would box
     * every lookup; with a CJK alphabet there are far too many symbols for per-node arrays.
     */
    private static final class EdgeMap {
        private static final long EMPTY = -1L;
        private long[] keys;
        private int[] values;
        private int size;
        private int mask;

        EdgeMap(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
            keys = new long[capacity];
            Arrays.fill(keys, EMPTY);
            values = new int[capacity];
            mask = capacity - 1;
        }

        private static long key(int node, int c) {
            // Code points fit in 21 bits.
            return ((long) node << 21) | c;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        int get(int node, int c) {
            long key = key(node, c);
            for (int s = slot(key, mask); ; s = (s + 1) & mask) {
                long k = keys[s];
                if (k == key) {
                    return values[s];
                }
                if (k == EMPTY) {
                    return NONE;
                }
            }
        }

        void put(int node, int c, int child) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            long key = key(node, c);
            int s = slot(key, mask);
            while (keys[s] != EMPTY && keys[s] != key) {
                s = (s + 1) & mask;
            }
            if (keys[s] == EMPTY) {
                size++;
            }
            keys[s] = key;
            values[s] = child;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            values = new int[keys.length];
            mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    int s = slot(oldKeys[i], mask);
                    while (keys[s] != EMPTY) {
                        s = (s + 1) & mask;
                    }
                    keys[s] = oldKeys[i];
                    values[s] = oldValues[i];
                }
            }
        }
    }
}
