package org.kaimen.analysis.internal.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kaimen.analysis.evaluation.EvaluationSet;
import org.kaimen.analysis.evaluation.LabelledComment;

/**
 * The incremental bookkeeping of campaigns: the changes reported after each add or remove, applied to what the index
 * was told before, always give the detector's full state. (Vectors are left out here: CampaignQualityTest and
 * CampaignVectorStageIT cover the vector rule.)
 */
class HybridCampaignsTest {

    @Test
    void reportedChangesAlwaysAddUpToTheFullState() {
        List<LabelledComment> set = new ArrayList<>(EvaluationSet.load());
        for (long seed = 1; seed <= 5; seed++) {
            Collections.shuffle(set, new Random(seed));
            HybridCampaigns campaigns = new HybridCampaigns(CampaignDetector.Config.defaults().withMinSize(3), 0.88,
                    0.30);
            Map<Long, Long> told = new HashMap<>();
            Random random = new Random(seed);
            List<Long> added = new ArrayList<>();
            for (LabelledComment c : set) {
                campaigns.add(c.id(), c.text(), c.author(), null);
                added.add(c.id());
                if (random.nextInt(10) == 0) {
                    campaigns.remove(added.remove(random.nextInt(added.size())));
                }
                campaigns.drainChanges().forEach((member, campaign) -> {
                    if (campaign == null) {
                        told.remove(member);
                    } else {
                        told.put(member, campaign);
                    }
                });
                assertThat(told).isEqualTo(campaigns.state());
            }
            assertThat(campaigns.groups()).isNotEmpty();
        }
    }

    @Test
    void aCampaignIdIsItsSmallestMemberAndSurvivesGrowth() {
        HybridCampaigns campaigns = new HybridCampaigns(CampaignDetector.Config.defaults().withMinSize(3), 0.88, 0.30);
        String template = "我们坚决反对物业费上涨，物业费调整必须经过业主大会表决同意，并公开成本测算和收支情况。";
        campaigns.add(7, template, "a", null);
        campaigns.add(9, template + "请重视。", "b", null);
        assertThat(campaigns.campaignOf(7)).isNull();
        campaigns.drainChanges();
        campaigns.add(3, "王阿姨：" + template, "c", null);
        assertThat(campaigns.drainChanges()).isEqualTo(Map.of(3L, 3L, 7L, 3L, 9L, 3L));
        campaigns.add(20, template, "d", null);
        assertThat(campaigns.drainChanges()).isEqualTo(Map.of(20L, 3L));
        campaigns.remove(3);
        Map<Long, Long> expected = new HashMap<>(Map.of(7L, 7L, 9L, 7L, 20L, 7L));
        expected.put(3L, null);
        assertThat(campaigns.drainChanges()).isEqualTo(expected);
    }

    @Test
    void aMailMergeCampaignStoresLinksInProportionToItsSizeAndStaysWholeWhenMembersAreHidden() {
        int size = 300;
        Random random = new Random(11);
        float[] base = new float[64];
        for (int k = 0; k < base.length; k++) {
            base[k] = (float) random.nextGaussian();
        }
        List<String> texts = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            texts.add(mailMerge(random));
            float[] v = base.clone();
            for (int k = 0; k < v.length; k++) {
                v[k] += (float) (0.05 * random.nextGaussian());
            }
            vectors.add(v);
        }
        HybridCampaigns shinglesOnly = new HybridCampaigns(CampaignDetector.Config.defaults(), 0.88, 0.30);
        for (int i = 0; i < size; i++) {
            shinglesOnly.add(i + 1, texts.get(i), "author" + i, null);
        }
        assertThat(shinglesOnly.groups()).as("the copies differ enough that shingles alone split them")
                .allMatch(g -> g.memberIds().size() < size / 2);

        HybridCampaigns campaigns = new HybridCampaigns(CampaignDetector.Config.defaults(), 0.88, 0.30);
        long stored = 0;
        for (int i = 0; i < size; i++) {
            stored += campaigns.add(i + 1, texts.get(i), "author" + i, vectors.get(i)).size();
        }
        assertThat(campaigns.groups()).singleElement().satisfies(g -> assertThat(g.memberIds()).hasSize(size));
        assertThat(stored).as("links stored for %d copies (every pair would be %d)", size, size * (size - 1) / 2)
                .isLessThanOrEqualTo((long) size * (1 + HybridCampaigns.REDUNDANT_LINKS));

        List<Long> hidden = new ArrayList<>();
        for (long id = 1; id <= size; id += 5) {
            hidden.add(id);
        }
        hidden.add(2L);
        hidden.add(3L);
        hidden.forEach(campaigns::remove);
        assertThat(campaigns.groups()).as("after hiding a fifth of the copies, the oldest among them")
                .singleElement().satisfies(g -> assertThat(g.memberIds()).hasSize(size - hidden.size()));
    }

    /**
     * One letter: a fixed core and six clauses, each in one of five wordings. Two copies share about half their
     * shingles (enough for the vector rule), rarely enough for the shingle detector.
     */
    private static String mailMerge(Random random) {
        String[][] clauses = {
                {"物业费的调整", "物业服务收费的变动", "物业收费标准的改变", "收费价格的上调", "管理费的变化"},
                {"应当由业主大会投票决定", "须经全体业主表决通过", "要让业主共同表决", "需要业主大会同意", "由业主们一起决定"},
                {"同时公布成本核算", "还要公示费用测算", "并且列明各项开支", "同时说明成本构成", "另外晒出收费依据"},
                {"以及收入支出明细", "及账目收支", "和每年的财务报告", "连同公共收益账目", "还有停车费去向"},
                {"我们强烈反对随意涨价", "坚决不同意私自提价", "反对物业单方面加价", "不接受任意上调", "拒绝不合理的涨价"},
                {"恳请人大常委会采纳", "希望立法部门考虑", "请求起草小组重视", "盼望常委会听取", "建议草案予以吸收"}};
        StringBuilder out = new StringBuilder("关于《住宅物业管理条例（草案）》第三十八条的意见：");
        for (int c = 0; c < clauses.length; c++) {
            out.append(clauses[c][random.nextInt(clauses[c].length)]).append(c % 2 == 1 ? "。" : "，");
        }
        return out.append("以上意见供参考，谢谢！").toString();
    }
}
