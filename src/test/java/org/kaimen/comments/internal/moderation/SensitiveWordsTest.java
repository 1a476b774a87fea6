package org.kaimen.comments.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaimen.comments.internal.moderation.SensitiveWords.Match;

class SensitiveWordsTest {

    private final SensitiveWords words = new SensitiveWords(List.of("法轮", "赌博", "FaLun", "VPN"));

    @Test
    void aListedWordIsFoundWithItsOffsetsInTheOriginalText() {
        assertThat(words.find("这是法轮的问题")).containsExactly(new Match("法轮", 2, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"法 轮", "法*轮", "法.轮", "法·轮", "法_轮", "法-轮", "法\u200B轮", "法　轮", "法，轮",
        "法 * 轮", "法\n轮", "法🌸轮", "法|轮", "法~轮", "法\u0336轮", "法\uFEFF轮", "法＊轮", "法•轮"})
    void fillerCharactersBetweenTheCharactersOfAWordDoNotHideIt(String written) {
        assertThat(words.find("看看" + written + "吧")).containsExactly(new Match("法轮", 2, 2 + written.length()));
    }

    @Test
    void fillersAroundAWordAreNotPartOfTheMatch() {
        assertThat(words.find("abc 法 * 轮 xyz")).containsExactly(new Match("法轮", 4, 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"falun", "FALUN", "ＦＡＬＵＮ", "ｆａｌｕｎ", "F a L u N", "f.a.l.u.n"})
    void caseAndFullWidthLettersDoNotHideAWord(String written) {
        assertThat(words.find(written)).extracting(Match::word).containsExactly("FaLun");
    }

    @Test
    void wordsFromTheListAreNormalisedTooSoUppercaseEntriesMatchLowercaseText() {
        assertThat(words.containsAny("翻墙用vpn")).isTrue();
        assertThat(words.containsAny("翻墙用ＶＰＮ")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"法1轮", "法a轮", "法国轮船", "轮法", "法", "赌", "博赌"})
    void lettersDigitsAndOtherHanCharactersBetweenCharactersBreakAMatch(String text) {
        assertThat(words.find(text)).isEmpty();
        assertThat(words.containsAny(text)).isFalse();
    }

    @Test
    void traditionalCharactersAreNotMappedToSimplified() {
        assertThat(new SensitiveWords(List.of("赌博")).containsAny("賭博")).isFalse();
    }

    @Test
    void everyOccurrenceIsReported() {
        assertThat(words.find("赌博赌博 赌 博"))
                .containsExactly(new Match("赌博", 0, 2), new Match("赌博", 2, 4), new Match("赌博", 5, 8));
    }

    @Test
    void overlappingAndNestedWordsAreAllReportedInOrderOfStartThenEnd() {
        SensitiveWords nested = new SensitiveWords(List.of("法轮", "法轮功", "轮功", "功"));
        assertThat(nested.find("法轮功"))
                .containsExactly(new Match("法轮", 0, 2), new Match("法轮功", 0, 3), new Match("轮功", 1, 3),
                        new Match("功", 2, 3));
    }

    @Test
    void failureLinksFindWordsThatStartInsideAnAbandonedPrefix() {
        SensitiveWords tricky = new SensitiveWords(List.of("abcd", "bce", "ce"));
        assertThat(tricky.find("abce")).containsExactly(new Match("bce", 1, 4), new Match("ce", 2, 4));
    }

    @Test
    void anEmptyListFindsNothing() {
        SensitiveWords none = new SensitiveWords(List.of());
        assertThat(none.find("法轮赌博")).isEmpty();
        assertThat(none.containsAny("法轮赌博")).isFalse();
    }

    @Test
    void nullBlankAndFillerOnlyEntriesAreIgnored() {
        SensitiveWords sloppy = new SensitiveWords(Arrays.asList(null, "", " ", "***", "·", "赌博"));
        assertThat(sloppy.find("* 赌博 ·")).containsExactly(new Match("赌博", 2, 4));
    }

    @Test
    void entriesThatNormaliseAlikeAreReportedOnceUnderTheFirstSpelling() {
        SensitiveWords duplicates = new SensitiveWords(List.of("法轮", "法 轮", "法*轮"));
        assertThat(duplicates.find("法轮")).containsExactly(new Match("法轮", 0, 2));
    }

    @Test
    void charactersOutsideTheBasicPlaneAreMatchedAsSingleCharacters() {
        SensitiveWords rare = new SensitiveWords(List.of("𠮷野"));
        assertThat(rare.find("去𠮷 野家")).containsExactly(new Match("𠮷野", 1, 5));
    }

    @Test
    void nullOrEmptyTextFindsNothing() {
        assertThat(words.find(null)).isEmpty();
        assertThat(words.find("")).isEmpty();
        assertThat(words.containsAny(null)).isFalse();
    }

    @Test
    void containsAnyAgreesWithFind() {
        assertThat(words.containsAny("关于赌.博的规定")).isTrue();
        assertThat(words.containsAny("关于物业费的规定")).isFalse();
    }

    @Test
    void aLongListIsMatchedAgainstALongTextWellWithinTheBudget() {
        Random random = new Random(42);
        List<String> list = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            list.add(randomHan(random, 2 + random.nextInt(3)));
        }
        StringBuilder text = new StringBuilder();
        while (text.length() < 5_000) {
            text.append(random.nextInt(20) == 0 ? list.get(random.nextInt(list.size())) : randomHan(random, 1));
            if (random.nextInt(10) == 0) {
                text.append(' ');
            }
        }
        SensitiveWords big = new SensitiveWords(list);
        String input = text.toString();
        // Warm up the JIT so the measurement reflects steady state, not class loading.
        for (int i = 0; i < 20; i++) {
            big.find(input);
        }
        long started = System.nanoTime();
        List<Match> matches = big.find(input);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(matches).isNotEmpty();
        assertThat(millis).isLessThan(200);
    }

    @Test
    void buildingFromManyWordsSharingPrefixesWorks() {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            list.add("法轮" + i);
        }
        Collections.shuffle(list, new Random(1));
        SensitiveWords big = new SensitiveWords(list);
        assertThat(big.find("法轮2999和法轮3000")).extracting(Match::word)
                .containsExactly("法轮2", "法轮29", "法轮299", "法轮2999", "法轮3", "法轮30", "法轮300");
    }

    private static String randomHan(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            // A few hundred common-range characters keep matches and partial matches frequent.
            s.append((char) (0x4E00 + random.nextInt(400)));
        }
        return s.toString();
    }
}
