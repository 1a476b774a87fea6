package org.kaimen.comments.internal.moderation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Cheap, explainable spam heuristics for one comment, without history or network lookups.
 *
 * <p>Each {@link Signal} has a weight; the score is their sum and a comment is likely spam
 * from {@link #LIKELY_SPAM_SCORE}. The weights are chosen so that no weak signal alone
 * crosses the line: people vent with 啊啊啊啊啊啊啊啊啊啊, foreign residents write in English,
 * careful commenters cite several sources. It takes a strong signal (a comment that is
 * nothing but links) or two weaker ones together.
 *
 * <p>Assess the original text, not the {@link PiiMasker} output: the stars of a masked ID
 * number would look like a repeated character. Instances are stateless and thread-safe.
 */
public final class SpamSignals {

    /** A reason to suspect spam, with its contribution to the score. */
    public enum Signal {
        /** At least {@link SpamSignals#MANY_LINKS_MIN_URLS} links (http(s)://, www., or bare domains like example.com/xx). */
        MANY_LINKS(2),
        /** Links make up at least {@link SpamSignals#LINK_ONLY_MIN_URL_SHARE} of the non-whitespace text. */
        LINK_ONLY(3),
        /** One character (not whitespace, not an ASCII digit) {@link SpamSignals#REPEATED_CHARACTER_RUN} or more times in a row. */
        REPEATED_CHARACTERS(1),
        /** More than {@link SpamSignals#NO_HAN_MIN_LENGTH} characters with under {@link SpamSignals#NO_HAN_MAX_HAN_SHARE} of them Han. */
        NO_HAN_LONG_TEXT(2),
        /** A {@link SpamSignals#REPEATED_SUBSTRING_LENGTH}-character passage repeated {@link SpamSignals#REPEATED_SUBSTRING_MIN_OCCURRENCES} times. */
        EXCESSIVE_LENGTH_REPETITION(2);

        private final int weight;

        Signal(int weight) {
            this.weight = weight;
        }

        public int weight() {
            return weight;
        }
    }

    /** The score (sum of signal weights) and the signals that fired. */
    public record Assessment(int score, Set<Signal> signals) {
        public Assessment {
            signals = signals.isEmpty()
                    ? Collections.unmodifiableSet(EnumSet.noneOf(Signal.class))
                    : Collections.unmodifiableSet(EnumSet.copyOf(signals));
        }

        public boolean isLikelySpam() {
            return score >= LIKELY_SPAM_SCORE;
        }
    }

    /** Score from which a comment is held as likely spam: one strong or two weak signals. */
    public static final int LIKELY_SPAM_SCORE = 3;

    /** Genuine comments cite a law or a news item; three or more links is advertising territory. */
    public static final int MANY_LINKS_MIN_URLS = 3;

    /** Share of non-whitespace characters inside links above which a comment says nothing itself. */
    public static final double LINK_ONLY_MIN_URL_SHARE = 0.8;

    /** Ten identical characters in a row: long enough that ordinary emphasis (！！！) stays clear. */
    public static final int REPEATED_CHARACTER_RUN = 10;

    /**
     * Non-whitespace characters a comment must exceed before its script is judged: short
     * English or numeric notes are normal, long Latin-only walls on a Chinese consultation
     * are typically machine-generated.
     */
    public static final int NO_HAN_MIN_LENGTH = 200;

    /** Han share below which a long comment counts as not written in Chinese. */
    public static final double NO_HAN_MAX_HAN_SHARE = 0.05;

    /** Length of a passage that, repeated, marks copy-paste flooding; shorter repeats are normal quoting. */
    public static final int REPEATED_SUBSTRING_LENGTH = 20;

    /** Non-overlapping occurrences of such a passage needed. A comment and one quote make two. */
    public static final int REPEATED_SUBSTRING_MIN_OCCURRENCES = 3;

    /**
     * Passages with fewer distinct characters are runs of one or two characters, already
     * covered by {@link Signal#REPEATED_CHARACTERS}; counting them twice would make venting spam.
     */
    static final int REPEATED_SUBSTRING_MIN_DISTINCT = 3;

    /** Top-level domains seen in spam and ordinary links here; a list, so "e.g." or "3.5" never match. */
    private static final Set<String> TLDS = Set.of("com", "cn", "net", "org", "info", "biz", "top", "xyz",
            "vip", "cc", "io", "me", "co", "tv", "site", "online", "shop", "club", "wang", "ren", "app", "link",
            "live", "pro", "win", "bid", "loan", "work", "fun", "icu", "asia", "hk", "tw", "mo", "us", "uk",
            "ru", "de", "jp", "kr");

    /**
     * Assesses a comment. {@code proposedText} is the optional wording the commenter proposes
     * for the provision; it is spam-checked together with the comment, except that
     * repetition is only counted within each field, since a proposal naturally restates
     * parts of its comment.
     */
    public Assessment assess(String text, String proposedText) {
        String comment = text == null ? "" : text;
        String proposal = proposedText == null ? "" : proposedText;
        String all = proposal.isBlank() ? comment : comment + "\n" + proposal;

        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        int urls = 0;
        int urlChars = 0;
        for (int i = 0; i < all.length(); ) {
            int end = linkEnd(all, i);
            if (end > i) {
                urls++;
                urlChars += end - i;
                i = end;
            } else {
                i++;
            }
        }
        int visibleChars = 0;
        int visibleCodePoints = 0;
        int han = 0;
        for (int i = 0; i < all.length(); ) {
            int cp = all.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                continue;
            }
            visibleChars += Character.charCount(cp);
            visibleCodePoints++;
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            }
        }
        if (urls >= MANY_LINKS_MIN_URLS) {
            signals.add(Signal.MANY_LINKS);
        }
        if (urls > 0 && urlChars >= LINK_ONLY_MIN_URL_SHARE * visibleChars) {
            signals.add(Signal.LINK_ONLY);
        }
        if (hasRepeatedCharacterRun(all)) {
            signals.add(Signal.REPEATED_CHARACTERS);
        }
        if (visibleCodePoints > NO_HAN_MIN_LENGTH && han < NO_HAN_MAX_HAN_SHARE * visibleCodePoints) {
            signals.add(Signal.NO_HAN_LONG_TEXT);
        }
        if (hasRepeatedPassage(comment) || hasRepeatedPassage(proposal)) {
            signals.add(Signal.EXCESSIVE_LENGTH_REPETITION);
        }
        int score = 0;
        for (Signal signal : signals) {
            score += signal.weight();
        }
        return new Assessment(score, signals);
    }

    /** Whitespace runs are layout and long digit runs are amounts (10000000000), so neither counts. */
    static boolean hasRepeatedCharacterRun(String text) {
        int previous = -1;
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || (cp >= '0' && cp <= '9')) {
                previous = -1;
                run = 0;
                continue;
            }
            run = cp == previous ? run + 1 : 1;
            previous = cp;
            if (run >= REPEATED_CHARACTER_RUN) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rolling hash over every window, counting greedy non-overlapping occurrences per
     * distinct passage; linear in the text length. Whitespace is dropped first because
     * flooding often varies only the line breaks.
     */
    static boolean hasRepeatedPassage(String text) {
        int[] cps = text.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .toArray();
        int window = REPEATED_SUBSTRING_LENGTH;
        if (cps.length < window * REPEATED_SUBSTRING_MIN_OCCURRENCES) {
            return false;
        }
        final long base = 1_000_003L;
        long highPower = 1;
        for (int i = 1; i < window; i++) {
            highPower *= base;
        }
        long hash = 0;
        for (int i = 0; i < window; i++) {
            hash = hash * base + cps[i];
        }
        // hash -> {first start, last counted start, count}
        Map<Long, int[]> seen = new HashMap<>();
        for (int start = 0; ; start++) {
            int[] entry = seen.get(hash);
            if (entry == null) {
                seen.put(hash, new int[] {start, start, 1});
            } else if (start >= entry[1] + window && samePassage(cps, entry[0], start, window)) {
                entry[1] = start;
                entry[2]++;
                if (entry[2] >= REPEATED_SUBSTRING_MIN_OCCURRENCES
                        && distinct(cps, start, window) >= REPEATED_SUBSTRING_MIN_DISTINCT) {
                    return true;
                }
            }
            if (start + window >= cps.length) {
                return false;
            }
            hash = (hash - cps[start] * highPower) * base + cps[start + window];
        }
    }

    private static boolean samePassage(int[] cps, int a, int b, int length) {
        for (int i = 0; i < length; i++) {
            if (cps[a + i] != cps[b + i]) {
                return false;
            }
        }
        return true;
    }

    private static int distinct(int[] cps, int from, int length) {
        return (int) Arrays.stream(cps, from, from + length).distinct().count();
    }

    /** Visible for tests: how many links the heuristics see in a text. */
    static int countLinks(String text) {
        Objects.requireNonNull(text, "text");
        int urls = 0;
        for (int i = 0; i < text.length(); ) {
            int end = linkEnd(text, i);
            if (end > i) {
                urls++;
                i = end;
            } else {
                i++;
            }
        }
        return urls;
    }

    /**
     * End of the link starting at {@code i}, or -1. Written by hand rather than as a regex:
     * java.util.regex recurses once per repetition of a group, so a hostile
     * {@code "a.a.a.a…"} comment would overflow the stack.
     *
     * <p>Recognised: {@code http://} or {@code https://} anywhere, followed by printable ASCII;
     * at the start of a token (not right after a letter, digit, or one of {@code . @ _ / -}):
     * {@code www.} plus at least two labels, or labels ending in a known top-level domain that
     * is not followed by {@code @} (that would be an e-mail's local part). Both may carry a
     * path, query or port.
     */
    static int linkEnd(String s, int i) {
        boolean http = startsWithIgnoreCase(s, i, "http://");
        if (http || startsWithIgnoreCase(s, i, "https://")) {
            int afterScheme = i + (http ? 7 : 8);
            int end = urlCharsEnd(s, afterScheme);
            return end > afterScheme ? end : -1;
        }
        if (i > 0 && blocksTokenStart(s.charAt(i - 1))) {
            return -1;
        }
        List<int[]> labels = new ArrayList<>();
        int p = i;
        while (p < s.length() && isLabelChar(s.charAt(p))) {
            int labelStart = p;
            while (p < s.length() && isLabelChar(s.charAt(p))) {
                p++;
            }
            labels.add(new int[] {labelStart, p});
            if (p + 1 < s.length() && s.charAt(p) == '.' && isLabelChar(s.charAt(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        if (labels.size() >= 3 && s.regionMatches(true, i, "www.", 0, 4)) {
            return withPath(s, labels.get(labels.size() - 1)[1]);
        }
        for (int t = labels.size() - 1; t >= 1; t--) {
            int[] label = labels.get(t);
            boolean emailLocalPart = label[1] < s.length() && s.charAt(label[1]) == '@';
            if (!emailLocalPart && TLDS.contains(s.substring(label[0], label[1]).toLowerCase(Locale.ROOT))) {
                return withPath(s, label[1]);
            }
        }
        return -1;
    }

    private static int withPath(String s, int hostEnd) {
        if (hostEnd < s.length() && "/?#:".indexOf(s.charAt(hostEnd)) >= 0) {
            return urlCharsEnd(s, hostEnd + 1);
        }
        return hostEnd;
    }

    /** Printable ASCII except quotes and angle brackets; Chinese text right after a link ends it. */
    private static int urlCharsEnd(String s, int from) {
        int p = from;
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c < 0x21 || c > 0x7E || "<>\"'`".indexOf(c) >= 0) {
                break;
            }
            p++;
        }
        return p;
    }

    private static boolean startsWithIgnoreCase(String s, int i, String prefix) {
        return s.regionMatches(true, i, prefix, 0, prefix.length());
    }

    private static boolean isLabelChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean blocksTokenStart(char c) {
        return isLabelChar(c) || c == '.' || c == '@' || c == '_' || c == '/';
    }
}
