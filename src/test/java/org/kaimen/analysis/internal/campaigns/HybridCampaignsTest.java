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
}
