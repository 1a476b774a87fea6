package org.kaimen.comments.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kaimen.comments.internal.moderation.SensitiveWords.Match;

class SensitiveWordsPropertiesTest {

    /** A tiny alphabet so that words overlap, nest and share prefixes all the time. */
    private static final String WORD_CHARS = "ab法轮功Ａ";

    private static final String[] FILLERS = {" ", "*", ".", "·", "_", "-", "\u200B", "　", "，", "。", "🌸", "\n", "～"};

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void findAgreesWithABruteForceSearchOverTheNormalisedText(
            @ForAll("wordLists") List<String> words, @ForAll("texts") String text) {
        List<Match> expected = bruteForce(words, text);
        SensitiveWords matcher = new SensitiveWords(words);
        assertThat(matcher.find(text)).containsExactlyElementsOf(expected);
        assertThat(matcher.containsAny(text)).isEqualTo(!expected.isEmpty());
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
    void fillersSprinkledBetweenTheCharactersOfAWordNeverHideIt(@ForAll("evasions") Evasion evasion) {
        SensitiveWords matcher = new SensitiveWords(List.of(evasion.word()));
        String text = "关于" + evasion.written() + "的意见";
        assertThat(matcher.find(text)).contains(new Match(evasion.word(), 2, 2 + evasion.written().length()));
    }

    record Evasion(String word, String written) {
    }

    @Provide
    Arbitrary<List<String>> wordLists() {
        Arbitrary<String> word = Arbitraries.strings().withChars((WORD_CHARS + "*").toCharArray())
                .ofMinLength(1).ofMaxLength(4);
        return word.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withChars((WORD_CHARS + "Ab1的").toCharArray()).ofMinLength(1).ofMaxLength(6),
                Arbitraries.of(FILLERS),
                Arbitraries.of("𠮷", "ＡＢ", "\uD800"));
        return piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<Evasion> evasions() {
        Arbitrary<String> word = Arbitraries.strings().withChars("法轮功赌博毒品枪支".toCharArray()).ofMinLength(2).ofMaxLength(5);
        Arbitrary<List<String>> gaps = Arbitraries.of(FILLERS).list().ofMaxSize(3)
                .map(list -> String.join("", list)).list().ofSize(4);
        return Combinators.combine(word, gaps).as((w, between) -> {
            StringBuilder written = new StringBuilder();
            for (int i = 0; i < w.length(); i++) {
                if (i > 0) {
                    written.append(between.get(i - 1));
                }
                written.append(w.charAt(i));
            }
            return new Evasion(w, written.toString());
        });
    }

    /** Quadratic reference implementation built on the same normalisation rules. */
    private static List<Match> bruteForce(List<String> words, String text) {
        Map<String, String> firstSpelling = new LinkedHashMap<>();
        for (String word : words) {
            String key = normalised(word).stream().map(c -> new String(Character.toChars(c[0])))
                    .reduce("", String::concat);
            if (!key.isEmpty()) {
                firstSpelling.putIfAbsent(key, word);
            }
        }
        List<int[]> chars = normalised(text);
        List<Match> matches = new ArrayList<>();
        for (Map.Entry<String, String> entry : firstSpelling.entrySet()) {
            int[] key = entry.getKey().codePoints().toArray();
            for (int start = 0; start + key.length <= chars.size(); start++) {
                boolean equal = true;
                for (int k = 0; k < key.length && equal; k++) {
                    equal = chars.get(start + k)[0] == key[k];
                }
                if (equal) {
                    matches.add(new Match(entry.getValue(), chars.get(start)[1], chars.get(start + key.length - 1)[2]));
                }
            }
        }
        matches.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::end));
        return matches;
    }

    /** Non-filler characters as {normalised code point, start, end}. */
    private static List<int[]> normalised(String s) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            int c = SensitiveWords.normalize(cp);
            if (!SensitiveWords.isFiller(c)) {
                out.add(new int[] {c, i, next});
            }
            i = next;
        }
        return out;
    }
}
