package org.kaimen.comments.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameMaskerTest {

    private final NameMasker masker = new NameMasker();

    @Test
    void aTwoCharacterNameKeepsTheSurname() {
        assertThat(masker.mask("张伟")).isEqualTo("张*");
    }

    @Test
    void aThreeCharacterNameGetsOneStarPerGivenNameCharacter() {
        assertThat(masker.mask("张小明")).isEqualTo("张**");
    }

    @ParameterizedTest
    @CsvSource({
        "欧阳娜娜, 欧阳**", "欧阳修, 欧阳*", "司马相如, 司马**", "诸葛亮, 诸葛*", "上官婉儿, 上官**",
        "东方朔, 东方*", "皇甫嵩, 皇甫*", "尉迟恭, 尉迟*", "公孙胜, 公孙*", "慕容复, 慕容*", "令狐冲, 令狐*",
        "长孙无忌, 长孙**", "宇文化及, 宇文**", "司徒雷登, 司徒**", "夏侯惇, 夏侯*", "轩辕黄帝, 轩辕**",
        "端木蓉, 端木*", "南宫适, 南宫*", "独孤求败, 独孤**", "歐陽修, 歐陽*", "司馬光, 司馬*"})
    void compoundSurnamesAreKeptWhole(String name, String expected) {
        assertThat(masker.mask(name)).isEqualTo(expected);
    }

    @Test
    void aTwoCharacterNameStartingLikeACompoundSurnameIsReadAsSurnamePlusGivenName() {
        // 欧 and 司 are surnames of their own; 欧阳 alone is more likely 欧 + 阳.
        assertThat(masker.mask("欧阳")).isEqualTo("欧*");
        assertThat(masker.mask("司马")).isEqualTo("司*");
    }

    @Test
    void singleCharacterSurnamesThatStartACompoundAreNotMistaken() {
        assertThat(masker.mask("欧明")).isEqualTo("欧*");
        assertThat(masker.mask("司小刚")).isEqualTo("司**");
    }

    @Test
    void aLoneCharacterStillGetsAStar() {
        assertThat(masker.mask("张")).isEqualTo("张*");
    }

    @ParameterizedTest
    @CsvSource({"' 张 伟 ', 张*", "'张　小明', 张**", "'\u00A0李四\u00A0', 李*"})
    void spacesInsideAndAroundChineseNamesAreIgnored(String name, String expected) {
        assertThat(masker.mask(name)).isEqualTo(expected);
    }

    @Test
    void charactersOutsideTheBasicPlaneCountAsOneCharacter() {
        assertThat(masker.mask("𠮷野家")).isEqualTo("𠮷**");
        assertThat(masker.mask("张𠮷")).isEqualTo("张*");
    }

    @Test
    void minorityNamesWithAMiddleDotKeepOnlyTheFirstCharacter() {
        assertThat(masker.mask("阿依古丽·买买提")).isEqualTo("阿*******");
    }

    @ParameterizedTest
    @CsvSource({"Zhang Wei, Z***", "zhang, z***", "'  Li Na ', L***", "Ｚｈａｎｇ Ｗｅｉ, Ｚ***",
        "John Ronald Reuel Tolkien, J***", "Ólafur Arnalds, Ó***"})
    void latinNamesKeepOnlyTheFirstLetterAndAlwaysThreeStars(String name, String expected) {
        assertThat(masker.mask(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   ", "\u3000", "\u00A0", "\t\n"})
    void blankOrMissingNamesGiveNullSoTheCallerShowsAnonymous(String name) {
        assertThat(masker.mask(name)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"张伟", "欧阳娜娜", "Zhang Wei", "张", "欧阳", "阿依古丽·买买提"})
    void maskingAMaskedNameChangesNothing(String name) {
        String once = masker.mask(name);
        assertThat(masker.mask(once)).isEqualTo(once);
    }

    @Test
    void theCompoundSurnameListHasNoDuplicatesAndOnlyTwoCharacterEntries() {
        assertThat(NameMasker.COMPOUND_SURNAMES).allSatisfy(surname -> assertThat(surname).hasSize(2));
    }
}
