package org.kaimen.analysis.internal.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TemplateDiffTest {

    private static final String TEMPLATE = SyntheticComments.CAMPAIGN_A;

    private final TemplateDiff diff = new TemplateDiff();

    @Test
    void copyPasteMemberAddsOnlyItsGreetingAndSignOff() {
        String member = "王阿姨：" + TEMPLATE + "——3号楼2单元 李先生";

        List<TemplateDiff.Span> spans = diff.additions(TEMPLATE, member);

        assertThat(texts(spans, member)).containsExactly("王阿姨", "3号楼2单元 李先生");
    }

    @Test
    void greetingSharingCharactersWithTheTemplateOpeningIsStillOneSpan() {
        String template = "我们坚决反对物业服务企业在合同期内自行调整收费标准。";
        String member = "您好，我是关心此事的业主。" + template + "我们全家都支持。";

        assertThat(texts(diff.additions(template, member), member))
                .containsExactly("您好，我是关心此事的业主", "我们全家都支持");
    }

    @Test
    void everyGeneratedCopyPasteMemberAddsExactlyItsGreetingAndSignOff() {
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            String greeting = SyntheticComments.greeting(r);
            String signOff = SyntheticComments.signOff(r);
            String member = greeting + TEMPLATE + signOff;

            String marked = String.join("|", texts(diff.additions(TEMPLATE, member), member));

            assertThat(TEMPLATE).doesNotContain(marked);
            assertThat(TextNormalizer.standard().normalize(marked))
                    .as("member %s", member)
                    .isEqualTo(TextNormalizer.standard().normalize(greeting + signOff));
        }
    }

    @Test
    void identicalTextAddsNothing() {
        assertThat(diff.additions(TEMPLATE, TEMPLATE)).isEmpty();
    }

    @Test
    void punctuationSpacingAndSynonymSwapsAreNotAdditions() {
        String template = "业委会应当每半年公开一次维修资金的使用情况，物业公司不得挪用。";
        String member = "业主委员会 应当每半年公开一次维修基金的使用情况!!物业服务企业不得挪用";

        assertThat(diff.additions(template, member)).isEmpty();
    }

    @Test
    void aChangedNumberIsAnAddition() {
        String member = TEMPLATE.replace("三个月", "六个月");

        assertThat(texts(diff.additions(TEMPLATE, member), member)).containsExactly("六");
    }

    @Test
    void reorderedSentencesAreNotAdditionsButAnInsertedFillerIs() {
        String template = "第一，维修资金的使用应当简化程序。第二，物业公司不得挪用维修资金。第三，业委会应当定期公开账目。";
        String member = "第一，维修资金的使用应当简化程序。第三，业委会应当定期公开账目。说实话，第二，物业公司不得挪用维修资金。";

        assertThat(texts(diff.additions(template, member), member)).containsExactly("说实话");
    }

    @Test
    void overBudgetDiffFallsBackToSentencesTheTemplateDoesNotContain() {
        TemplateDiff cheap = new TemplateDiff(TextNormalizer.standard(), 3);
        String member = "尊敬的领导：" + TEMPLATE + "我家楼下的车位被占用了整整一年。";

        assertThat(texts(cheap.additions(TEMPLATE, member), member))
                .containsExactly("尊敬的领导：关于草案第二十三条，我们坚决反对物业服务企业在合同期内自行调整收费标准", "我家楼下的车位被占用了整整一年");
    }

    @Test
    void spansPointIntoTheOriginalTextEvenAfterFullWidthAndEmoji() {
        String member = "👍ＡＢＣ小区业主：" + TEMPLATE;

        assertThat(texts(diff.additions(TEMPLATE, member), member)).containsExactly("ＡＢＣ小区业主");
    }

    @Test
    void longTextsStayWithinBudget() {
        StringBuilder template = new StringBuilder();
        Random r = new Random(3);
        while (template.length() < 5000) {
            template.append(SyntheticComments.genuine(r));
        }
        String member = "王阿姨：" + template.substring(0, 2500) + "我补充一句。" + template.substring(2500) + "谢谢";

        long start = System.nanoTime();
        List<TemplateDiff.Span> spans = diff.additions(template.toString(), member);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(texts(spans, member)).containsExactly("王阿姨", "我补充一句", "谢谢");
        assertThat(millis).isLessThan(2_000);
    }

    @Test
    void unrelatedLongTextsGiveUpOnTheCharacterDiffQuickly() {
        Random r = new Random(9);
        StringBuilder template = new StringBuilder();
        StringBuilder member = new StringBuilder();
        while (template.length() < 5000) {
            template.append(SyntheticComments.genuine(r));
        }
        while (member.length() < 5000) {
            member.append(SyntheticComments.genuine(r));
        }

        long start = System.nanoTime();
        List<TemplateDiff.Span> spans = diff.additions(template.toString(), member.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(spans).isNotEmpty();
        assertThat(millis).isLessThan(2_000);
        System.out.printf("TemplateDiff on two unrelated 5,000-character texts: %d ms, %d spans%n", millis, spans.size());
    }

    private static List<String> texts(List<TemplateDiff.Span> spans, String member) {
        return spans.stream().map(s -> s.of(member)).toList();
    }
}
