package org.kaimen.analysis.internal.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaimen.analysis.internal.ChineseSegmenter;

class TopicLabelerTest {

    private final TopicLabeler labeler = new TopicLabeler(new ChineseSegmenter()::words);

    @Test
    void aTopicIsNamedByTheWordsThatSetItApart() {
        List<List<String>> keywords = labeler.keywords(List.of(
                List.of("电梯经常故障，维修太慢。", "电梯困人，维修单位不来。", "老旧电梯应当更新。"),
                List.of("停车位太贵，车位租金年年涨。", "车位应当优先出租给业主。", "地下车位空着不租。")), 3);
        assertThat(keywords.get(0)).contains("电梯");
        assertThat(keywords.get(1)).contains("车位");
        assertThat(keywords.get(0)).doesNotContain("应当");
    }

    @Test
    void aSingleTopicStillGetsAName() {
        List<List<String>> keywords = labeler.keywords(List.of(
                List.of("电梯经常故障，维修太慢。", "电梯困人，维修单位不来。", "老旧电梯应当更新。")), 3);
        assertThat(keywords.get(0)).isNotEmpty().contains("电梯");
        assertThat(TopicLabeler.label(keywords.get(0), 2)).contains("电梯");
    }
}
