package org.kaimen.analysis.internal.campaigns;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reduces a comment to the characters that carry meaning for near-duplicate comparison.
 *
 * <p>The output is never shown to anyone: it only has to make two mail-merged copies of the same
 * letter look identical. Form letters are typically varied by punctuation, full-width/half-width
 * digits, spacing, emoji and by swapping colloquial and statutory names for the same thing
 * (业委会 / 业主委员会). All of those are erased here so that the shingle sets of the copies
 * coincide.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TextNormalizer {

    private static final Map<String, String> DEFAULT_SYNONYMS = defaultSynonymTable();

    private static final TextNormalizer DEFAULT = new TextNormalizer();

    /** Synonym variants grouped by their first character, longest first, so matching is greedy. */
    private final Map<Character, List<Synonym>> synonymsByFirstChar;

    private record Synonym(String variant, String canonical) {
    }

    /** Uses the built-in synonym table for property-management vocabulary. */
    public TextNormalizer() {
        this(Map.of());
    }

    /**
     * Uses the built-in synonym table extended (or overridden, key by key) by {@code extraSynonyms}.
     *
     * @param extraSynonyms variant → canonical form; both sides are normalized before use
     */
    public TextNormalizer(Map<String, String> extraSynonyms) {
        this(compile(merge(DEFAULT_SYNONYMS, extraSynonyms)));
    }

    private TextNormalizer(Compiled compiled) {
        this.synonymsByFirstChar = compiled.byFirstChar();
    }

    /** Distinct type so the private constructor doesn't clash with the public map constructor. */
    private record Compiled(Map<Character, List<Synonym>> byFirstChar) {
    }

    /** A normalizer that uses exactly {@code synonyms} and not the built-in table. */
    public static TextNormalizer withOnlySynonyms(Map<String, String> synonyms) {
        return new TextNormalizer(compile(Objects.requireNonNull(synonyms, "synonyms")));
    }

    /** The shared default instance. */
    public static TextNormalizer standard() {
        return DEFAULT;
    }

    /** The built-in synonym table (variant → canonical). */
    public static Map<String, String> defaultSynonyms() {
        return DEFAULT_SYNONYMS;
    }

    /** The comparison form of {@code text}; empty when nothing comparable remains. */
    public String normalize(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder stripped = new StringBuilder(text.length());
        strip(text, stripped, null, null);
        if (synonymsByFirstChar.isEmpty()) {
            return stripped.toString();
        }
        StringBuilder out = new StringBuilder(stripped.length() + 8);
        applySynonyms(stripped, null, null, out, null, null);
        return out.toString();
    }

    /**
     * Like {@link #normalize(String)} but remembers, for every output character, which range of
     * the original text produced it, so that diff results can be shown on the text the citizen
     * actually wrote.
     */
    public NormalizedText normalizeWithOffsets(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder stripped = new StringBuilder(text.length());
        IntList starts = new IntList(text.length());
        IntList ends = new IntList(text.length());
        strip(text, stripped, starts, ends);
        if (synonymsByFirstChar.isEmpty()) {
            return new NormalizedText(stripped.toString(), starts.toArray(), ends.toArray());
        }
        StringBuilder out = new StringBuilder(stripped.length() + 8);
        IntList outStarts = new IntList(stripped.length() + 8);
        IntList outEnds = new IntList(stripped.length() + 8);
        applySynonyms(stripped, starts, ends, out, outStarts, outEnds);
        return new NormalizedText(out.toString(), outStarts.toArray(), outEnds.toArray());
    }

    /**
     * NFKC is applied per code point rather than to the whole string: that loses composition of
     * combining sequences (irrelevant for Chinese comments, and combining marks are dropped anyway)
     * but keeps every output character traceable to a single input code point.
     */
    private static void strip(String text, StringBuilder out, IntList starts, IntList ends) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp < 0x80) {
                // Hot path: ASCII never changes under NFKC.
                if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
                    append(out, starts, ends, (char) cp, i, next);
                } else if (cp >= 'A' && cp <= 'Z') {
                    append(out, starts, ends, (char) (cp + ('a' - 'A')), i, next);
                }
            } else if (cp >= 0x4E00 && cp <= 0x9FFF) {
                // Hot path: CJK unified ideographs are NFKC-stable; most of a comment is here.
                append(out, starts, ends, (char) cp, i, next);
            } else {
                String decomposed = Normalizer.normalize(text.substring(i, next), Normalizer.Form.NFKC);
                for (int j = 0; j < decomposed.length(); ) {
                    int c = decomposed.codePointAt(j);
                    j += Character.charCount(c);
                    int lower = Character.toLowerCase(c);
                    if (isKept(lower)) {
                        if (Character.isBmpCodePoint(lower)) {
                            append(out, starts, ends, (char) lower, i, next);
                        } else {
                            append(out, starts, ends, Character.highSurrogate(lower), i, next);
                            append(out, starts, ends, Character.lowSurrogate(lower), i, next);
                        }
                    }
                }
            }
            i = next;
        }
    }

    /**
     * Letters (which include Han), decimal digits and number letters such as 〇 carry content;
     * punctuation, symbols (emoji), spaces, format characters (zero-width joiners, BOM) and
     * combining marks do not.
     */
    private static boolean isKept(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static void append(StringBuilder out, IntList starts, IntList ends, char c, int start, int end) {
        out.append(c);
        if (starts != null) {
            starts.add(start);
            ends.add(end);
        }
    }

    private void applySynonyms(CharSequence in, IntList inStarts, IntList inEnds,
                               StringBuilder out, IntList outStarts, IntList outEnds) {
        int n = in.length();
        int i = 0;
        while (i < n) {
            List<Synonym> candidates = synonymsByFirstChar.get(in.charAt(i));
            Synonym hit = null;
            if (candidates != null) {
                for (Synonym s : candidates) {
                    if (regionMatches(in, i, s.variant)) {
                        hit = s;
                        break;
                    }
                }
            }
            if (hit == null) {
                out.append(in.charAt(i));
                if (outStarts != null) {
                    outStarts.add(inStarts.get(i));
                    outEnds.add(inEnds.get(i));
                }
                i++;
            } else {
                int len = hit.variant.length();
                out.append(hit.canonical);
                if (outStarts != null) {
                    // A replaced term is atomic: every canonical character points at the whole variant.
                    int start = inStarts.get(i);
                    int end = inEnds.get(i + len - 1);
                    for (int k = 0; k < hit.canonical.length(); k++) {
                        outStarts.add(start);
                        outEnds.add(end);
                    }
                }
                i += len;
            }
        }
    }

    private static boolean regionMatches(CharSequence in, int at, String s) {
        if (at + s.length() > in.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (in.charAt(at + k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> extra) {
        Objects.requireNonNull(extra, "extraSynonyms");
        Map<String, String> merged = new LinkedHashMap<>(base);
        merged.putAll(extra);
        return merged;
    }

    private static Compiled compile(Map<String, String> raw) {
        Map<String, String> table = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String variant = stripOnly(Objects.requireNonNull(e.getKey(), "synonym variant"));
            String canonical = stripOnly(Objects.requireNonNull(e.getValue(), "synonym canonical form"));
            if (!variant.isEmpty() && !variant.equals(canonical)) {
                table.put(variant, canonical);
            }
        }
        // Resolve chains (物管费 → 物业费 → 物业服务费) so the result doesn't depend on which link a
        // letter happened to use; the bound stops cycles from looping forever.
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : table.entrySet()) {
            String target = e.getValue();
            for (int hop = 0; hop < table.size() && table.containsKey(target); hop++) {
                String next = table.get(target);
                if (next.equals(e.getKey())) {
                    break;
                }
                target = next;
            }
            resolved.put(e.getKey(), target);
        }
        // Canonical forms match as themselves: otherwise 停车位 would be rewritten at 车位 into
        // 停停车位, and a text already using the statutory term would diverge from its variant.
        for (String canonical : List.copyOf(resolved.values())) {
            if (!canonical.isEmpty()) {
                resolved.putIfAbsent(canonical, canonical);
            }
        }
        Map<Character, List<Synonym>> byFirst = new HashMap<>();
        for (Map.Entry<String, String> e : resolved.entrySet()) {
            byFirst.computeIfAbsent(e.getKey().charAt(0), c -> new ArrayList<>())
                    .add(new Synonym(e.getKey(), e.getValue()));
        }
        for (List<Synonym> list : byFirst.values()) {
            list.sort(Comparator.comparingInt((Synonym s) -> s.variant.length()).reversed());
        }
        Map<Character, List<Synonym>> frozen = new HashMap<>();
        byFirst.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Compiled(Collections.unmodifiableMap(frozen));
    }

    private static String stripOnly(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        strip(s, sb, null, null);
        return sb.toString();
    }

    private static Map<String, String> defaultSynonymTable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("业委会", "业主委员会");
        m.put("业主委会", "业主委员会");
        m.put("物业公司", "物业服务企业");
        m.put("物业服务公司", "物业服务企业");
        m.put("物业企业", "物业服务企业");
        m.put("物业服务人", "物业服务企业");
        m.put("物管公司", "物业服务企业");
        m.put("维修基金", "维修资金");
        m.put("专项维修基金", "专项维修资金");
        m.put("物业费", "物业服务费");
        m.put("物管费", "物业服务费");
        m.put("物业管理费", "物业服务费");
        m.put("车位", "停车位");
        m.put("停车泊位", "停车位");
        m.put("物业用房", "物业服务用房");
        return Collections.unmodifiableMap(m);
    }
}
