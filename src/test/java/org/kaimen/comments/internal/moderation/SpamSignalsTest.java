package org.kaimen.comments.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaimen.comments.internal.moderation.SpamSignals.Assessment;
import org.kaimen.comments.internal.moderation.SpamSignals.Signal;

class SpamSignalsTest {

    private final SpamSignals spam = new SpamSignals();

    static final String PROPERTY_FEE = """
            关于第二十三条物业服务收费的意见：我们小区建成于2008年，目前物业费为每平方米每月1.8元，\
            这次草案提出物业服务企业可以根据成本变化每两年调整一次收费标准，我认为这个条款对业主不公平。\
            第一，成本由物业公司自己核算，业主很难核实，建议规定调价前必须公开上一年度的收支明细，\
            并由业主大会聘请第三方审计；第二，调价幅度应当设置上限，比如不超过当地居民消费价格指数的涨幅；\
            第三，对于服务质量明显下降的，例如保洁频次减少、绿化长期无人养护，业主应当有权要求降价。\
            另外，草案没有规定空置房的物业费减免，很多外地业主房子长期空着，也要全额缴费，建议参照外省做法减收三成。\
            以上意见供参考，希望立法机关能够认真考虑普通业主的实际困难。""";

    static final String ELEVATOR = """
            我家住在一栋1995年建成的七层老楼里，楼里住着不少七八十岁的老人，每天上下楼非常吃力。\
            草案第三十一条关于既有住宅加装电梯的规定，要求经本单元三分之二以上业主同意，\
            但实际情况是一楼和二楼的住户普遍反对，担心采光、噪音和房价下降，导致很多单元一直无法启动。\
            建议：一是明确低层住户的补偿标准，由高层住户按楼层分摊，避免每个单元反复协商；\
            二是街道办事处应当设立专门的协调机制，对争议比较大的单元组织听证；\
            三是加装电梯后的运行维护费用如何分担，草案完全没有提到，建议按照使用频率和楼层系数来计算，\
            并允许使用住宅专项维修资金支付大修费用。另外，施工期间的安全责任由谁承担也应当写清楚。\
            政府补贴的申请流程太复杂，要跑住建、规划、消防好几个部门，能不能一窗受理？""";

    static final String MAINTENANCE_FUND = """
            对第四十五条住宅专项维修资金使用程序的修改建议。现行规定要求使用维修资金必须经专有部分面积占比\
            三分之二以上且人数占比三分之二以上的业主同意，在大型小区几乎不可能做到。去年我们小区屋顶漏水，\
            楼上五户人家天花板发霉，但因为凑不够签字，拖了整整八个月才修好，期间还有一户老人因地面湿滑摔伤。\
            建议参照《民法典》第二百七十八条的规定，把紧急情况下的使用程序单独列出来，比如电梯故障停运、\
            屋面防水层破损、消防设施失效等情形，可以由业委会或者物业服务企业先行申请，事后公示并报街道备案。\
            同时，维修资金的账户余额和每一笔支出应当每季度在小区公告栏和手机小程序上公开，接受全体业主监督，\
            银行的利息收入也应当计入资金本金，不得挪作他用。详见住建部相关文件：\
            https://www.mohurd.gov.cn/gongkai/zhengce/index.html""";

    static final String OWNERS_COMMITTEE = """
            我是一名业委会委员，想就草案第五十条到第五十六条谈几点看法。\
            第一，业委会委员全部是兼职、无报酬的，却要承担很多法律责任，草案应当明确委员依法履职不承担个人赔偿责任，\
            否则没人愿意站出来做事。第二，业委会换届选举经常因为开发商或者原物业公司的干扰而难以进行，\
            建议由街道或者乡镇人民政府指导组织，必要时可以指定临时管理小组。第三，关于业委会印章管理，\
            草案规定由主任保管，但实践中曾发生主任一人擅自用章与物业公司签订合同的情况，\
            建议改为由两名委员共同保管并建立用章登记制度。第四，业委会的工作经费来源不明确，\
            可以考虑从公共收益中按比例提取，并在业主大会上表决通过。\
            最后，希望能够加强对业委会成员的培训，很多人对法律规定并不熟悉，容易好心办坏事。""";

    @ParameterizedTest
    @ValueSource(strings = {PROPERTY_FEE, ELEVATOR, MAINTENANCE_FUND, OWNERS_COMMITTEE})
    void genuineLongChineseCommentsRaiseNoSignalAtAll(String comment) {
        Assessment assessment = spam.assess(comment, null);
        assertThat(assessment.signals()).isEmpty();
        assertThat(assessment.score()).isZero();
        assertThat(assessment.isLikelySpam()).isFalse();
    }

    @Test
    void aGenuineCommentWithAProposedWordingThatRestatesItIsNotSpam() {
        String proposal = "第四十五条 发生危及房屋安全的紧急情况时，业主委员会或者物业服务企业可以先行申请使用住宅专项维修资金，"
                + "事后向全体业主公示并报街道办事处备案。";
        String comment = "建议修改第四十五条：发生危及房屋安全的紧急情况时，业主委员会或者物业服务企业可以先行申请使用住宅专项维修资金。"
                + "理由是现行程序太慢，屋顶漏水拖了八个月才修好。";
        Assessment assessment = spam.assess(comment, proposal);
        assertThat(assessment.signals()).isEmpty();
    }

    @Test
    void nullTextAndNullProposalScoreZero() {
        Assessment assessment = spam.assess(null, null);
        assertThat(assessment.score()).isZero();
        assertThat(assessment.signals()).isEmpty();
    }

    // ---- links -------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://a.com https://b.cn/x?y=1 www.c.net                 | 3",
        "访问example.com/xx获取优惠，或者shop.example.cn              | 2",
        "https://www.example.com/path 以及 www.example.com          | 2",
        "详见http://www.gov.cn/zhengce/content/2021-01/01/content_1.htm，谢谢 | 1",
        "WWW.EXAMPLE.COM                                          | 1",
        "e.g. 第3.2条 文件.pdf i.e. 3.5元 Co.Ltd                       | 0",
        "请发邮件到zhang@example.com                                | 0",
        "版本v1.2.3，比例1.5%                                        | 0"})
    void linksAreCountedWithOrWithoutSchemeButEmailsAndDecimalsAreNot(String text, int expected) {
        assertThat(SpamSignals.countLinks(text)).isEqualTo(expected);
    }

    @Test
    void threeLinksInAnOtherwiseNormalCommentRaiseManyLinksButAreNotSpamAlone() {
        String comment = "建议参考以下三个地方的做法：上海 http://www.shanghai.gov.cn/a ，深圳 http://www.sz.gov.cn/b ，"
                + "杭州 www.hangzhou.gov.cn/c ，这些城市对维修资金的紧急使用都有专门规定，值得借鉴。";
        Assessment assessment = spam.assess(comment, null);
        assertThat(assessment.signals()).containsExactly(Signal.MANY_LINKS);
        assertThat(assessment.isLikelySpam()).isFalse();
    }

    @Test
    void bareDomainsCountTowardsManyLinks() {
        Assessment assessment = spam.assess("好消息 example.com/a 快来 example.cn/b 还有 sale.example.top 哦", null);
        assertThat(assessment.signals()).contains(Signal.MANY_LINKS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://spam.example.com/buy?id=123", "www.example.com/a www.example.com/b",
        "看 https://example.top/abcdefghijklmnopqrstuvwxyz"})
    void aCommentThatIsNothingButLinksIsLikelySpam(String text) {
        Assessment assessment = spam.assess(text, null);
        assertThat(assessment.signals()).contains(Signal.LINK_ONLY);
        assertThat(assessment.isLikelySpam()).isTrue();
    }

    @Test
    void aLinkWithARealCommentAroundItIsNotLinkOnly() {
        Assessment assessment = spam.assess("我同意第十条，但建议补充对物业公司的考核办法，参考 www.gov.cn", null);
        assertThat(assessment.signals()).doesNotContain(Signal.LINK_ONLY);
    }

    // ---- repeated characters -----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"啊啊啊啊啊啊啊啊啊啊", "!!!!!!!!!!", "太气人了！！！！！！！！！！", "😡😡😡😡😡😡😡😡😡😡", "??????????????"})
    void tenIdenticalCharactersInARowAreRepeatedCharacters(String text) {
        Assessment assessment = spam.assess(text, null);
        assertThat(assessment.signals()).contains(Signal.REPEATED_CHARACTERS);
        assertThat(assessment.isLikelySpam()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"啊啊啊啊啊啊啊啊啊", "!!!", "强烈反对！！！", "金额10000000000元", "第一段\n\n\n\n\n\n\n\n\n\n\n第二段",
        "          缩进的正文", "哈哈哈哈哈 哈哈哈哈哈"})
    void shorterRunsWhitespaceAndDigitsAreNotRepeatedCharacters(String text) {
        assertThat(spam.assess(text, null).signals()).doesNotContain(Signal.REPEATED_CHARACTERS);
    }

    // ---- script ------------------------------------------------------------------------------

    @Test
    void aLongCommentWithAlmostNoChineseRaisesNoHanLongText() {
        String english = "Buy cheap watches and bags online, best price guaranteed, fast worldwide shipping, "
                + "contact our friendly team today for a special discount on all luxury items, "
                + "limited time offer only, do not miss this amazing opportunity to save big money now.";
        assertThat(english.replaceAll("\\s", "")).hasSizeGreaterThan(SpamSignals.NO_HAN_MIN_LENGTH);
        Assessment assessment = spam.assess(english, null);
        assertThat(assessment.signals()).containsExactly(Signal.NO_HAN_LONG_TEXT);
        assertThat(assessment.isLikelySpam()).isFalse();
    }

    @Test
    void aShortEnglishCommentIsFine() {
        assertThat(spam.assess("I support Article 12, the fee cap is reasonable.", null).signals()).isEmpty();
    }

    @Test
    void aLongEnglishCommentWithSomeChineseIsNotNoHan() {
        String mixed = "I live in 朝阳区 and our 业委会 has been unable to hold elections for three years because "
                + "the developer refuses to hand over the 物业用房. The draft should give the 街道办事处 a clear "
                + "deadline and the power to appoint an interim committee, otherwise owners stay powerless.";
        assertThat(spam.assess(mixed, null).signals()).doesNotContain(Signal.NO_HAN_LONG_TEXT);
    }

    @Test
    void manyLinksInLongForeignTextIsLikelySpam() {
        String text = "Best deals at http://a.example.com and http://b.example.com and www.c.example.com, "
                + "we ship worldwide with tracking, discreet packaging and a thirty day money back guarantee, "
                + "order now and receive a free gift with every purchase over fifty dollars, offer ends soon.";
        Assessment assessment = spam.assess(text, null);
        assertThat(assessment.signals()).containsExactlyInAnyOrder(Signal.MANY_LINKS, Signal.NO_HAN_LONG_TEXT);
        assertThat(assessment.score()).isEqualTo(4);
        assertThat(assessment.isLikelySpam()).isTrue();
    }

    // ---- repetition --------------------------------------------------------------------------

    @Test
    void aLongPassageRepeatedThreeTimesIsExcessiveRepetition() {
        String slogan = "坚决反对第十二条物业费上涨的规定请大家转发";
        assertThat(slogan).hasSizeGreaterThanOrEqualTo(SpamSignals.REPEATED_SUBSTRING_LENGTH);
        Assessment assessment = spam.assess(slogan + slogan + slogan, null);
        assertThat(assessment.signals()).containsExactly(Signal.EXCESSIVE_LENGTH_REPETITION);
        assertThat(assessment.isLikelySpam()).isFalse();
    }

    @Test
    void repetitionIsFoundDespiteDifferentLineBreaks() {
        String text = "加微信领取购房补贴名额有限先到先得欢迎咨询\n加微信领取购房补贴 名额有限先到先得欢迎咨询\n"
                + "加微信领取购房补贴名额\n有限先到先得欢迎咨询";
        assertThat(spam.assess(text, null).signals()).contains(Signal.EXCESSIVE_LENGTH_REPETITION);
    }

    @Test
    void aPassageRepeatedOnlyTwiceIsNotExcessive() {
        String slogan = "坚决反对第十二条物业费上涨的规定请大家转发";
        assertThat(spam.assess(slogan + "。我再说一遍：" + slogan, null).signals()).isEmpty();
    }

    @Test
    void aShortPhraseRepeatedManyTimesIsNotExcessiveRepetition() {
        String phrase = "维修资金使用程序太复杂";
        assertThat(phrase.length()).isLessThan(SpamSignals.REPEATED_SUBSTRING_LENGTH);
        String text = phrase + "，" + phrase + "；" + phrase + "。" + phrase + "！";
        assertThat(spam.assess(text, null).signals()).doesNotContain(Signal.EXCESSIVE_LENGTH_REPETITION);
    }

    @Test
    void aLongRunOfOneCharacterIsRepeatedCharactersNotRepeatedPassages() {
        Assessment assessment = spam.assess("啊".repeat(80), null);
        assertThat(assessment.signals()).containsExactly(Signal.REPEATED_CHARACTERS);
    }

    @Test
    void repetitionIsCountedWithinEachFieldNotAcrossThem() {
        String passage = "第四十五条紧急情况下可以先行使用住宅专项维修资金";
        Assessment assessment = spam.assess(passage + "。理由见上。" + passage, passage);
        assertThat(assessment.signals()).doesNotContain(Signal.EXCESSIVE_LENGTH_REPETITION);
        assertThat(spam.assess("请看", passage + passage + passage).signals())
                .contains(Signal.EXCESSIVE_LENGTH_REPETITION);
    }

    @Test
    void floodingWithRepeatedTextAndRepeatedCharactersIsLikelySpam() {
        String ad = "专业办理各类证件价格优惠欢迎咨询联系我们";
        Assessment assessment = spam.assess(ad + ad + ad + "！！！！！！！！！！！！", null);
        assertThat(assessment.signals())
                .containsExactlyInAnyOrder(Signal.EXCESSIVE_LENGTH_REPETITION, Signal.REPEATED_CHARACTERS);
        assertThat(assessment.score()).isEqualTo(3);
        assertThat(assessment.isLikelySpam()).isTrue();
    }

    // ---- scoring -----------------------------------------------------------------------------

    @Test
    void theScoreIsTheSumOfTheWeightsOfTheSignals() {
        String text = "http://a.example.com/x http://b.example.com/y http://c.example.com/z " + "!".repeat(12);
        Assessment assessment = spam.assess(text, null);
        int expected = assessment.signals().stream().mapToInt(Signal::weight).sum();
        assertThat(assessment.signals()).contains(Signal.MANY_LINKS, Signal.LINK_ONLY, Signal.REPEATED_CHARACTERS);
        assertThat(assessment.score()).isEqualTo(expected);
    }

    @Test
    void noSingleWeakSignalReachesTheSpamThresholdButLinkOnlyDoes() {
        for (Signal signal : Signal.values()) {
            boolean alone = signal.weight() >= SpamSignals.LIKELY_SPAM_SCORE;
            assertThat(alone).as(signal.name()).isEqualTo(signal == Signal.LINK_ONLY);
        }
    }

    @Test
    void theSignalsOfAnAssessmentCannotBeModified() {
        Assessment assessment = new Assessment(1, EnumSet.of(Signal.REPEATED_CHARACTERS));
        assertThatThrownBy(() -> assessment.signals().add(Signal.LINK_ONLY))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.", "www.", "http://", "a@", "x.com", "a-", "啊", "ab"})
    void hostileRepetitiveInputNeitherOverflowsTheStackNorTakesLong(String unit) {
        String text = unit.repeat(200_000 / unit.length());
        long started = System.nanoTime();
        Assessment assessment = spam.assess(text, text);
        assertThat(assessment.score()).isGreaterThan(0);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void aVeryLongCommentIsAssessedQuickly() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append((char) (0x4E00 + (i * 7919) % 3000)).append(i % 13 == 0 ? " www.a.com/" + i + " " : "");
        }
        long started = System.nanoTime();
        spam.assess(text.toString(), text.toString());
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }
}
