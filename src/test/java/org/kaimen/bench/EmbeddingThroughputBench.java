package org.kaimen.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Prints how many comments per second bge-small-zh (quantized, in-process) embeds on this machine, one at a time and
 * in batches. Not part of the test suite: run with bench/analysis.sh.
 */
class EmbeddingThroughputBench {

    private static final String[] PARTS = {"物业费每年上涨", "电梯经常故障", "维修资金使用程序太复杂", "业委会应当公开账目",
            "停车位不足", "物业服务用房被挪用", "装修管理过严", "垃圾分类设施缺乏维护", "建议规定期限", "应当经业主大会同意",
            "希望政府加强监管", "老旧小区没有物业", "开发商不移交资料", "公共收益去向不明"};

    @Test
    void embeddingThroughput() {
        var model = new BgeSmallZhV15QuantizedEmbeddingModel();
        List<String> texts = comments(2000);
        model.embed("预热");
        long t0 = System.nanoTime();
        for (String t : texts.subList(0, 500)) {
            model.embed(t);
        }
        double single = 500 / ((System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        for (int i = 0; i < texts.size(); i += 64) {
            model.embedAll(texts.subList(i, Math.min(texts.size(), i + 64)).stream().map(TextSegment::from).toList());
        }
        double batch = texts.size() / ((System.nanoTime() - t1) / 1e9);
        System.out.printf("BENCH embeddings: %.0f comments/s one by one, %.0f comments/s in batches of 64 "
                + "(average %d characters, %d cores)%n", single, batch,
                texts.stream().mapToInt(String::length).sum() / texts.size(), Runtime.getRuntime().availableProcessors());
    }

    static List<String> comments(int n) {
        Random random = new Random(42);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int parts = 2 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                sb.append(PARTS[random.nextInt(PARTS.length)]).append(p == parts - 1 ? "。" : "，");
            }
            out.add(sb.toString());
        }
        return out;
    }
}
