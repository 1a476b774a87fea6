package org.kaimen.comments.internal.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProvisionCitationTest {

    @ParameterizedTest(name = "{0} cites {1}/{2}/{3}")
    @CsvSource(delimiter = '|', value = {
            "第十二条|12|0|0",
            "第十二条第二款|12|2|0",
            "第十二条第二款第（三）项|12|2|3",
            "第十二条第二款第(三)项|12|2|3",
            "第十二条第二款第三项|12|2|3",
            "第十二条第二款（三）|12|2|3",
            "第十二条第（三）项|12|0|3",
            "第12条|12|0|0",
            "第１２条第２款|12|2|0",
            "12|12|0|0",
            "１２|12|0|0",
            "十二|12|0|0",
            "12条|12|0|0",
            " 第 十二 条 第 二 款 |12|2|0",
            "第一条|1|0|0",
            "第十条|10|0|0",
            "第一十条|10|0|0",
            "第二十条|20|0|0",
            "第九十九条|99|0|0",
            "第一百条|100|0|0",
            "第一百零四条|104|0|0",
            "第一百〇四条|104|0|0",
            "第一百一十条|110|0|0",
            "第一百十条|110|0|0",
            "第两百条|200|0|0",
            "第九百九十九条|999|0|0",
            "Article 12|12|0|0",
            "Art. 12, paragraph 2|12|2|0",
            "article 12 paragraph 2 item 3|12|2|3"})
    void a_citation_as_clerks_write_it_is_understood(String text, int article, int paragraph, int item) {
        assertThat(ProvisionCitation.parse(text)).contains(new ProvisionCitation(article, paragraph, item));
    }

    @ParameterizedTest(name = "{0} is not a citation")
    @ValueSource(strings = {"第十二款", "第（三）项", "第零条", "0", "第0条", "第十二条第零款", "第一千条", "1000", "第一百五条",
            "第十二十条", "十百", "第十二条之一", "第十二章", "第十二条第二款第（三项", "十二条款", "总则", "-", "=12", "12.5",
            "第十二条第二款第三款", "article", ""})
    void something_else_is_not_a_citation(String text) {
        assertThat(ProvisionCitation.parse(text)).isEmpty();
    }

    @Test
    void every_number_up_to_nine_hundred_ninety_nine_is_written_and_read_back_in_chinese() {
        IntStream.rangeClosed(1, ChineseNumerals.MAX).forEach(n ->
                assertThat(ChineseNumerals.parse(ChineseNumerals.format(n))).as("%d", n).isEqualTo(n));
        assertThat(ChineseNumerals.format(104)).isEqualTo("一百零四");
        assertThat(ChineseNumerals.format(110)).isEqualTo("一百一十");
        assertThat(ChineseNumerals.format(12)).isEqualTo("十二");
        assertThat(ChineseNumerals.format(20)).isEqualTo("二十");
        assertThat(ChineseNumerals.format(7)).isEqualTo("七");
    }

    @Test
    void a_citation_is_written_as_legal_texts_write_it() {
        assertThat(new ProvisionCitation(12, 2, 3).toChinese()).isEqualTo("第十二条第二款第（三）项");
        assertThat(new ProvisionCitation(104, 0, 0).toChinese()).isEqualTo("第一百零四条");
    }
}
