package org.kaimen.analysis.internal.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CampaignDetectorTest {

    private static final String LETTER = "关于草案第二十三条，我们坚决反对物业服务企业在合同期内自行调整收费标准。"
            + "调整收费标准必须提前三个月公示，并经专有部分面积过半数且人数过半数的业主同意。";

    // Two letters sharing a long middle part Y: X+Y and Y+Z are below the threshold, X+Y+Z is
    // above it with both, so it bridges two otherwise separate campaigns.
    private static final String X = "小区南门的道闸系统经常失灵，外来车辆随意进出，";
    private static final String Y = "建议条例明确物业服务企业对出入口管理负有直接责任，发生盗窃案件时应当配合调取监控并承担相应的赔偿责任，";
    private static final String Z = "同时要求每季度向业主大会书面报告一次安全巡查记录和隐患整改情况。";

    private final CampaignDetector detector = new CampaignDetector();

    @Test
    void aGroupIsReportedOnlyOnceItReachesTheMinimumSize() {
        assertThat(detector.add(1, LETTER, "a").campaignId()).isNull();
        assertThat(detector.add(2, "王阿姨：" + LETTER, "b").campaignId()).isNull();
        assertThat(detector.campaigns()).isEmpty();

        CampaignDetector.Assignment third = detector.add(3, LETTER + "——5号楼李先生", "c");

        assertThat(third.campaignId()).isNotNull();
        assertThat(detector.campaignOf(1)).isEqualTo(third.campaignId());
        assertThat(detector.campaignOf(2)).isEqualTo(third.campaignId());
        assertThat(detector.campaigns()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(third.campaignId());
            assertThat(c.size()).isEqualTo(3);
            assertThat(c.memberIds()).containsExactly(1L, 2L, 3L);
        });
    }

    @Test
    void exactRepeatsBySameAuthorAreFlagged() {
        assertThat(detector.add(1, LETTER, "alice@example.com").exactRepeatBySameAuthor()).isFalse();
        // Different punctuation and spacing, same normalized text.
        CampaignDetector.Assignment repeat = detector.add(2, LETTER.replace("，", ", ") + " ", "alice@example.com");

        assertThat(repeat.exactRepeatBySameAuthor()).isTrue();
    }

    @Test
    void exactRepeatsByDifferentAuthorsAreNotFlaggedButStillGrouped() {
        CampaignDetector.Assignment first = detector.add(1, LETTER, "alice");
        CampaignDetector.Assignment second = detector.add(2, LETTER, "bob");
        CampaignDetector.Assignment third = detector.add(3, LETTER, null);
        CampaignDetector.Assignment fourth = detector.add(4, LETTER, null);

        assertThat(List.of(first, second, third, fourth))
                .extracting(CampaignDetector.Assignment::exactRepeatBySameAuthor)
                .containsOnly(false);
        assertThat(third.campaignId()).isNotNull();
        assertThat(fourth.campaignId()).isEqualTo(third.campaignId());
        assertThat(detector.campaigns()).singleElement()
                .satisfies(c -> assertThat(c.memberIds()).containsExactly(1L, 2L, 3L, 4L));
    }

    @Test
    void aRepeatIsNoLongerFlaggedOnceTheEarlierCopyIsRemoved() {
        detector.add(1, LETTER, "alice");
        detector.remove(1);

        assertThat(detector.add(2, LETTER, "alice").exactRepeatBySameAuthor()).isFalse();
        assertThat(detector.add(3, LETTER, "alice").exactRepeatBySameAuthor()).isTrue();
    }

    @Test
    void mergingTwoCampaignsKeepsTheOlderId() {
        long older = campaignOfThree(X + Y, 1);
        // The newer campaign is larger, so it becomes the union-find root; the id must not follow it.
        long newer = campaignOfThree(Y + Z, 11);
        detector.add(14, Y + Z + "恳请采纳。", "n4");
        assertThat(older).isLessThan(newer);
        assertThat(detector.campaigns()).hasSize(2);

        CampaignDetector.Assignment bridge = detector.add(20, X + Y + Z, "bridge");

        assertThat(bridge.campaignId()).isEqualTo(older);
        assertThat(detector.campaigns()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(older);
            assertThat(c.size()).isEqualTo(8);
        });
        assertThat(detector.campaignOf(11)).isEqualTo(older);
    }

    @Test
    void removingTheBridgeSplitsTheCampaignAgainAndTheLargerPartKeepsTheId() {
        long older = campaignOfThree(X + Y, 1);
        campaignOfThree(Y + Z, 11);
        detector.add(14, Y + Z + "恳请采纳。", "n4");
        detector.add(20, X + Y + Z, "bridge");

        assertThat(detector.remove(20)).isTrue();

        assertThat(detector.campaigns()).hasSize(2);
        assertThat(detector.campaignOf(11)).isEqualTo(older);
        assertThat(detector.campaignOf(1)).isNotNull().isNotEqualTo(older);
    }

    @Test
    void removeShrinksACampaignAndDropsItBelowMinSize() {
        long id = campaignOfThree(LETTER, 1);
        detector.add(4, "各位领导好！" + LETTER, "d");
        assertThat(detector.campaigns()).singleElement().satisfies(c -> assertThat(c.size()).isEqualTo(4));

        assertThat(detector.remove(4)).isTrue();
        assertThat(detector.campaigns()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.memberIds()).containsExactly(1L, 2L, 3L);
        });

        assertThat(detector.remove(2)).isTrue();
        assertThat(detector.campaigns()).isEmpty();
        assertThat(detector.campaignOf(1)).isNull();
        assertThat(detector.remove(2)).isFalse();
        assertThat(detector.size()).isEqualTo(2);
    }

    @Test
    void aCampaignThatRegrowsAfterARemovalKeepsItsId() {
        long id = campaignOfThree(LETTER, 1);
        detector.remove(3);

        assertThat(detector.add(5, LETTER + "请采纳", "e").campaignId()).isEqualTo(id);
    }

    @Test
    void removingOneOfSeveralIdenticalCopiesKeepsTheRestTogether() {
        for (long id = 1; id <= 5; id++) {
            detector.add(id, LETTER, "author" + id);
        }
        detector.remove(1); // the copy that represented the text in the LSH buckets
        detector.remove(3);

        assertThat(detector.campaigns()).singleElement()
                .satisfies(c -> assertThat(c.memberIds()).containsExactly(2L, 4L, 5L));
        // A near copy arriving later still finds the group through the promoted representative.
        assertThat(detector.add(6, "您好：" + LETTER, "f").campaignId()).isEqualTo(detector.campaignOf(2));
    }

    @Test
    void addingAnExistingIdReplacesTheComment() {
        campaignOfThree(LETTER, 1);

        detector.add(2, "我家楼下的垃圾桶每天早上七点才清运，夏天气味很大，希望增加清运次数。", "b");

        assertThat(detector.size()).isEqualTo(3);
        assertThat(detector.campaignOf(2)).isNull();
        assertThat(detector.campaigns()).isEmpty();
    }

    @Test
    void commentsWithNothingComparableAreNeverGrouped() {
        for (long id = 1; id <= 5; id++) {
            assertThat(detector.add(id, "👍👍！！", "same-author").campaignId()).isNull();
        }
        assertThat(detector.campaigns()).isEmpty();
        assertThat(detector.remove(3)).isTrue();
    }

    @Test
    void canonicalIsTheMostFrequentExactText() {
        detector.add(1, "王阿姨：" + LETTER, "a");
        detector.add(2, LETTER + "（3号楼业主）", "b");
        detector.add(3, LETTER, "c");
        detector.add(4, LETTER.replace("。", "！"), "d"); // same normalized text as 3

        assertThat(detector.campaigns()).singleElement()
                .satisfies(c -> assertThat(c.canonicalCommentId()).isEqualTo(3L));
    }

    @Test
    void canonicalIsTheMedoidWhenNoTextRepeats() {
        detector.add(1, LETTER + "恳请采纳我们的意见，这关系到全小区一千二百户业主的切身利益。", "a");
        detector.add(2, LETTER + "好", "b");
        detector.add(3, "各位人大代表好，我是渤海小区十二号楼的住户。" + LETTER, "c");
        detector.add(4, LETTER + "此致敬礼，黄河花园业主委员会筹备组全体成员。", "d");
        detector.add(5, "尊敬的市人大常委会法制工作委员会：" + LETTER + "谢谢您", "e");

        assertThat(detector.campaigns()).singleElement()
                .satisfies(c -> assertThat(c.canonicalCommentId()).isEqualTo(2L));
    }

    @Test
    void synonymSwapsAndPunctuationDoNotSeparateMailMergedCopies() {
        detector.add(1, "业委会应当每半年公开一次维修资金的使用情况，物业公司不得挪用。", "a");
        detector.add(2, "业主委员会应当每半年公开一次维修基金的使用情况；物业服务企业不得挪用！", "b");
        CampaignDetector.Assignment third = detector.add(3, "业主委员会 应当 每半年公开一次 专项维修资金的使用情况，物业服务人不得挪用", "c");

        assertThat(third.campaignId()).isNotNull();
    }

    @Test
    void unrelatedCommentsOnTheSameTopicAreNotGrouped() {
        detector.add(1, "电梯使用超过十五年的应当强制做安全评估，评估费用可以从专项维修资金里列支。", "a");
        detector.add(2, "我住8号楼17层，电梯三天两头坏，维修一次要等好几天，老人上下楼非常困难。", "b");
        detector.add(3, "老旧小区加装电梯的意见征询程序太复杂，建议把同意比例降到三分之二。", "c");
        detector.add(4, "低层住户不愿意分摊电梯运行费用，条例最好给出一个按楼层分摊的参考比例。", "d");

        assertThat(detector.campaigns()).isEmpty();
        assertThat(List.of(1L, 2L, 3L, 4L)).allSatisfy(id -> assertThat(detector.campaignOf(id)).isNull());
    }

    @Test
    void configurationIsValidated() {
        assertThatThrownBy(() -> CampaignDetector.Config.defaults().withMinSize(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CampaignDetector.Config.defaults().withThreshold(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CampaignDetector.Config.defaults().withBanding(0, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bandingAndThresholdsAreConfigurable() {
        CampaignDetector strict = new CampaignDetector(CampaignDetector.Config.defaults()
                .withBanding(16, 8).withThreshold(0.95).withMinSize(2));

        strict.add(1, LETTER, "a");
        CampaignDetector.Assignment near = strict.add(2, "各位领导好，我是3号楼的王阿姨。" + LETTER, "b");
        CampaignDetector.Assignment same = strict.add(3, LETTER + "。", "c");

        assertThat(strict.config().numHashes()).isEqualTo(128);
        assertThat(near.campaignId()).isNull();
        assertThat(same.campaignId()).isNotNull();
    }

    /** Adds three near copies of {@code text} with ids firstId.. and returns their campaign id. */
    private long campaignOfThree(String text, long firstId) {
        detector.add(firstId, text, "u" + firstId);
        detector.add(firstId + 1, text + "谢谢！", "u" + (firstId + 1));
        Long id = detector.add(firstId + 2, "您好，" + text, "u" + (firstId + 2)).campaignId();
        assertThat(id).isNotNull();
        return id;
    }
}
