package org.kaimen.analysis.internal.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * 200,000 comments through one detector. Sized so the whole suite stays well under 90 s on a
 * 2-core machine; the bound asserted here is deliberately generous because CI machines vary.
 */
class CampaignDetectorScaleTest {

    private static final int COMMENTS = 200_000;
    private static final int CAMPAIGNS = 400;

    private static final String[] WORDS = (
            "物业 业主 小区 电梯 维修 资金 停车 车位 收费 公示 标准 条例 草案 建议 规定 明确 应当 不得 "
            + "装修 宠物 垃圾 分类 绿化 保洁 安全 监控 消防 通道 充电 楼道 外墙 屋面 漏水 供水 供暖 "
            + "开发商 街道 社区 政府 部门 监督 管理 服务 质量 合同 续聘 解聘 选聘 表决 投票 会议 委员 "
            + "换届 印章 档案 移交 收益 广告 租金 账目 押金 期限 程序 申请 审批 使用 分摊 比例 面积 "
            + "老人 孩子 邻居 住户 租户 上班族 噪音 气味 卫生 通知 电话 投诉 处理 回复 责任 处罚 "
            + "希望 尽快 认真 考虑 采纳 反对 支持 同意 合理 公平 透明 及时 方便 困难 严重 普遍 "
            + "去年 今年 每月 每年 晚上 周末 夏天 冬天 一直 经常 从来 已经 还是 只是 但是 因为 所以")
            .split(" ");

    @Test
    void twoHundredThousandCommentsAreProcessedQuickly() {
        Random r = new Random(42);
        String[] templates = new String[CAMPAIGNS];
        for (int i = 0; i < CAMPAIGNS; i++) {
            templates[i] = randomSentence(r, 30 + r.nextInt(40));
        }
        // Generate first so the timing covers the detector only.
        String[] texts = new String[COMMENTS];
        int[] planted = new int[COMMENTS];
        for (int i = 0; i < COMMENTS; i++) {
            if (r.nextDouble() < 0.2) {
                int c = r.nextInt(CAMPAIGNS);
                planted[i] = c + 1;
                texts[i] = (r.nextBoolean() ? "" : "我是" + (1 + r.nextInt(30)) + "号楼业主，") + templates[c]
                        + (r.nextDouble() < 0.3 ? "谢谢" : "");
            } else {
                texts[i] = randomSentence(r, 10 + r.nextInt(40)) + (1 + r.nextInt(999));
            }
        }

        CampaignDetector detector = new CampaignDetector();
        long start = System.nanoTime();
        for (int i = 0; i < COMMENTS; i++) {
            detector.add(i, texts[i], "user" + (i % 50_000));
        }
        long addNanos = System.nanoTime() - start;
        var campaigns = detector.campaigns();
        long totalNanos = System.nanoTime() - start;

        double seconds = addNanos / 1e9;
        System.out.printf("scale: %,d comments in %.2f s → %,.0f comments/s, %.1f µs per add; "
                        + "campaigns() %.0f ms; %d campaigns reported%n",
                COMMENTS, seconds, COMMENTS / seconds, addNanos / 1e3 / COMMENTS,
                (totalNanos - addNanos) / 1e6, campaigns.size());

        assertThat(totalNanos / 1e9).isLessThan(60);
        assertThat(detector.size()).isEqualTo(COMMENTS);
        // Every planted template with three or more copies should surface, and nothing much else.
        Map<Integer, Integer> plantedSizes = new HashMap<>();
        for (int p : planted) {
            if (p > 0) {
                plantedSizes.merge(p, 1, Integer::sum);
            }
        }
        long expected = plantedSizes.values().stream().filter(n -> n >= 3).count();
        assertThat(campaigns.size()).isBetween((int) expected, (int) expected + 20);
    }

    private static String randomSentence(Random r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(WORDS[r.nextInt(WORDS.length)]);
            if (r.nextInt(8) == 0) {
                sb.append(r.nextBoolean() ? "，" : "。");
            }
        }
        return sb.toString();
    }
}
