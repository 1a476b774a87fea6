package org.kaimen.analysis.internal.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Names topics by the words that set them apart: a word scores by the share of the topic's comments that use it,
 * times the log of how much more common it is there than in all comments (a pointwise KL term, close to what
 * Elasticsearch's significant_text does). Plain class TF-IDF favoured words only two comments used; this favours
 * words most of the topic uses. Counting comments rather than occurrences keeps one long comment from naming it.
 */
public final class TopicLabeler {

    /** Words that say nothing about a topic in comments on any regulation. */
    private static final Set<String> STOP = Set.of("建议", "条例", "规定", "应当", "应该", "可以", "我们", "自己",
            "一个", "没有", "问题", "希望", "增加", "明确", "修改", "如果", "现在", "这个", "因为", "所以", "已经",
            "还是", "就是", "但是", "不是", "他们", "进行", "相关", "有关", "对于", "以及", "或者", "需要", "要求",
            "情况", "什么", "怎么", "这样", "那么", "时候", "草案", "本条", "该条", "第一", "第二", "第三", "支持",
            "反对", "同意", "觉得", "认为", "一些", "很多", "这些", "那些", "其他", "只有", "不能", "不要", "不会",
            "能够", "一样", "为了", "通过", "根据", "按照", "由于", "而且", "并且", "还有", "作为", "条款", "内容",
            "表述", "改为", "删除", "补充", "说明", "具体", "实际", "方面", "工作", "有些", "比如", "例如", "目前",
            "说点", "实在", "盼望", "早日", "实施");
    private static final Pattern ARTICLE = Pattern.compile("^第.+[条款项章节]$");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final Function<String, List<String>> segmenter;

    public TopicLabeler(Function<String, List<String>> segmenter) {
        this.segmenter = segmenter;
    }

    /** Keywords per topic, best first; {@code topics} holds each topic's (sampled) texts. */
    public List<List<String>> keywords(List<List<String>> topics, int howMany) {
        List<Map<String, Integer>> docFreq = new ArrayList<>();
        Map<String, Integer> totalFreq = new HashMap<>();
        long totalDocs = 0;
        for (List<String> texts : topics) {
            Map<String, Integer> df = new HashMap<>();
            for (String text : texts) {
                for (String word : new HashSet<>(segmenter.apply(text))) {
                    if (useful(word)) {
                        df.merge(word, 1, Integer::sum);
                    }
                }
            }
            df.forEach((w, c) -> totalFreq.merge(w, c, Integer::sum));
            docFreq.add(df);
            totalDocs += texts.size();
        }
        double all = Math.max(1, totalDocs);
        List<List<String>> out = new ArrayList<>();
        for (int t = 0; t < topics.size(); t++) {
            int size = Math.max(1, topics.get(t).size());
            Map<String, Integer> df = docFreq.get(t);
            List<Map.Entry<String, Double>> scored = new ArrayList<>();
            df.forEach((w, c) -> {
                if (c >= Math.min(2, size)) {
                    double share = (double) c / size;
                    double background = totalFreq.get(w) / all;
                    if (share > background) {
                        scored.add(Map.entry(w, share * Math.log(share / background)));
                    } else if (topics.size() == 1) {
                        // One topic has nothing to stand apart from: its most shared words name it.
                        scored.add(Map.entry(w, share));
                    }
                }
            });
            scored.sort(Map.Entry.<String, Double>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey()));
            List<String> words = new ArrayList<>();
            for (var e : scored) {
                String w = e.getKey();
                // 维修 adds nothing next to 维修资金.
                if (words.stream().noneMatch(x -> x.contains(w) || w.contains(x))) {
                    words.add(w);
                }
                if (words.size() == howMany) {
                    break;
                }
            }
            out.add(words);
        }
        return out;
    }

    /** A readable label from the first keywords: 电梯、加装、维修资金. */
    public static String label(List<String> keywords, int words) {
        return String.join("、", keywords.subList(0, Math.min(words, keywords.size())));
    }

    private static boolean useful(String word) {
        return word.length() >= 2 && HAN.matcher(word).find() && !STOP.contains(word)
                && !ARTICLE.matcher(word).matches();
    }
}
