package org.kaimen.analysis.internal.campaigns;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Campaign detection as the app runs it (shingles, union–find, change tracking) over 1,000,000 comments, and the
 * in-memory vector scan at its limit of 10,000 vectors per draft (bash bench/analysis.sh; not part of the suite).
 * Past that limit candidates come from the index's kNN, whose latency the scale benchmark measures.
 */
class HybridCampaignScaleBench {

    private static final String[] WORDS = ("物业 业主 小区 电梯 维修 资金 停车 车位 收费 公示 标准 条例 草案 建议 规定 明确 "
            + "应当 不得 装修 宠物 垃圾 分类 绿化 保洁 安全 监控 消防 通道 充电 楼道 外墙 屋面 漏水 供水 供暖 开发商 街道 "
            + "社区 政府 部门 监督 管理 服务 质量 合同 续聘 解聘 选聘 表决 投票 会议 委员 换届 印章 档案 移交 收益 广告 租金 "
            + "账目 押金 期限 程序 申请 审批 使用 分摊 比例 面积 老人 孩子 邻居 住户 租户 噪音 卫生 通知 投诉 责任 处罚")
            .split(" ");

    @Test
    void aMillionCommentsAndTheVectorScanAtItsLimit() {
        int n = Integer.getInteger("kaimen.bench.campaign-comments", 1_000_000);
        Random r = new Random(7);
        String[] templates = new String[2000];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = sentence(r, 30 + r.nextInt(40));
        }
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            texts[i] = r.nextDouble() < 0.2
                    ? (r.nextBoolean() ? "" : "我是" + (1 + r.nextInt(30)) + "号楼业主，") + templates[r.nextInt(templates.length)]
                    : sentence(r, 10 + r.nextInt(40)) + (1 + r.nextInt(999));
        }
        HybridCampaigns campaigns = new HybridCampaigns(CampaignDetector.Config.defaults().withMinSize(3), 0.88, 0.30);
        long start = System.nanoTime();
        long lastStart = 0;
        for (int i = 0; i < n; i++) {
            if (i == n - 10_000) {
                lastStart = System.nanoTime();
            }
            campaigns.add(i, texts[i], "user" + (i % 200_000), null);
            campaigns.drainChanges();
        }
        long end = System.nanoTime();
        int groups = campaigns.groups().size();
        System.out.printf("BENCH campaigns (shingles + union-find + changes) over %,d comments: %.1f s, %.1f µs per "
                        + "comment at the end, %d campaigns%n", n, (end - start) / 1e9, (end - lastStart) / 1e3 / 10_000,
                groups);

        int limit = 10_000;
        HybridCampaigns withVectors = new HybridCampaigns(CampaignDetector.Config.defaults().withMinSize(3), 0.88,
                0.30, limit, (id, v, min) -> java.util.List.of());
        long scanStart = 0;
        // Only the last thousand adds are timed: each scans the vectors already held, close to the limit.
        for (int i = 0; i < limit; i++) {
            if (i == limit - 1000) {
                scanStart = System.nanoTime();
            }
            withVectors.add(i, texts[i], "user" + i, randomUnit(r));
        }
        System.out.printf("BENCH campaign vector scan at %,d vectors in memory: %.2f ms per new comment%n", limit,
                (System.nanoTime() - scanStart) / 1e6 / 1000);
    }

    private static float[] randomUnit(Random r) {
        float[] v = new float[512];
        double norm = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) r.nextGaussian();
            norm += v[k] * v[k];
        }
        for (int k = 0; k < v.length; k++) {
            v[k] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static String sentence(Random r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(WORDS[r.nextInt(WORDS.length)]);
            if (r.nextInt(8) == 0) {
                sb.append('，');
            }
        }
        return sb.append('。').toString();
    }
}
