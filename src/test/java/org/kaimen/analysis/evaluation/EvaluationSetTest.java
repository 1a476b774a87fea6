package org.kaimen.analysis.evaluation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the promises the data set README makes about the committed JSONL. */
class EvaluationSetTest {

    /** Article 17, paragraph 2 of the regulation, copied independently of the generator. */
    private static final String ARTICLE_17_PARAGRAPH_2 = "物业管理委员会由七人以上单数组成。其中业主成员不少于百分之五十，"
            + "由街道办事处、乡（镇）人民政府在业主中推荐产生。";

    private static List<LabelledComment> comments;

    @BeforeAll
    static void load() {
        comments = EvaluationSet.load();
    }

    private static Map<String, List<LabelledComment>> byCampaign() {
        return comments.stream().filter(LabelledComment::inCampaign)
                .collect(Collectors.groupingBy(LabelledComment::campaign, TreeMap::new, Collectors.toList()));
    }

    @Test
    void hasEnoughCommentsWithUniqueIds() {
        assertThat(comments).hasSizeGreaterThanOrEqualTo(600);
        assertThat(comments.stream().map(LabelledComment::id).distinct().count()).isEqualTo(comments.size());
    }

    @Test
    void everyFieldIsWellFormed() {
        for (LabelledComment c : comments) {
            assertThat(c.article()).as("article of %d", c.id()).isBetween(0, 59);
            assertThat(c.stance()).isIn("SUPPORT", "OPPOSE", "MODIFY", "QUESTION");
            assertThat(c.topic()).isNotBlank();
            assertThat(c.author()).isNotBlank();
            assertThat(c.text()).isNotBlank();
        }
    }

    @Test
    void hasAtLeastTwelveTopicsEachSpreadOverSeveralArticles() {
        Map<String, Set<Integer>> articlesByTopic = new TreeMap<>();
        for (LabelledComment c : comments) {
            articlesByTopic.computeIfAbsent(c.topic(), t -> new TreeSet<>()).add(c.article());
        }
        assertThat(articlesByTopic).hasSizeGreaterThanOrEqualTo(12);
        articlesByTopic.forEach((topic, articles) -> assertThat(articles).as(topic).hasSizeGreaterThanOrEqualTo(3));
        Map<String, Long> sizes = comments.stream()
                .collect(Collectors.groupingBy(LabelledComment::topic, Collectors.counting()));
        sizes.forEach((topic, size) -> assertThat(size).as(topic).isGreaterThanOrEqualTo(20));
    }

    @Test
    void topicsShareArticlesSoThatArticlesAreAnImperfectProxy() {
        Map<Integer, Set<String>> topicsByArticle = new TreeMap<>();
        for (LabelledComment c : comments) {
            topicsByArticle.computeIfAbsent(c.article(), a -> new TreeSet<>()).add(c.topic());
        }
        long sharedArticles = topicsByArticle.entrySet().stream()
                .filter(e -> e.getKey() != 0 && e.getValue().size() >= 2).count();
        assertThat(sharedArticles).isGreaterThanOrEqualTo(10);
        // Every topic meets at least one other topic on a specific article, not only on "the whole draft".
        Set<String> topicsOnSharedArticles = new HashSet<>();
        topicsByArticle.forEach((article, topics) -> {
            if (article != 0 && topics.size() >= 2) {
                topicsOnSharedArticles.addAll(topics);
            }
        });
        assertThat(topicsOnSharedArticles).containsAll(topicsByArticle.values().stream()
                .flatMap(Set::stream).collect(Collectors.toSet()));
    }

    @Test
    void hasAtLeastFiveCampaignsOfRealisticSize() {
        Map<String, List<LabelledComment>> campaigns = byCampaign();
        assertThat(campaigns).hasSizeGreaterThanOrEqualTo(5);
        int total = 0;
        for (Map.Entry<String, List<LabelledComment>> e : campaigns.entrySet()) {
            List<LabelledComment> members = e.getValue();
            assertThat(members).as(e.getKey()).hasSizeBetween(15, 60);
            assertThat(members.stream().map(LabelledComment::topic).distinct()).as(e.getKey()).hasSize(1);
            assertThat(members.stream().map(LabelledComment::author).distinct().count())
                    .as("authors of %s are distinct", e.getKey()).isEqualTo(members.size());
            total += members.size();
        }
        assertThat(total).isBetween(150, 200);
    }

    @Test
    void repeatGroupsAreExactCopiesBySameAuthor() {
        Map<String, List<LabelledComment>> repeats = comments.stream()
                .filter(c -> c.campaign() != null && c.campaign().startsWith(LabelledComment.REPEAT_PREFIX))
                .collect(Collectors.groupingBy(LabelledComment::campaign));
        assertThat(repeats).hasSizeGreaterThanOrEqualTo(3);
        repeats.forEach((label, copies) -> {
            assertThat(copies).as(label).hasSizeGreaterThanOrEqualTo(2);
            assertThat(copies.stream().map(LabelledComment::author).distinct()).as(label).hasSize(1);
            assertThat(label).isEqualTo(LabelledComment.REPEAT_PREFIX + copies.get(0).author());
            assertThat(copies.stream().map(LabelledComment::text).distinct()).as(label).hasSize(1);
            assertThat(copies.stream().map(LabelledComment::topic).distinct()).as(label).hasSize(1);
        });
    }

    @Test
    void individuallyWrittenCommentsAreNotNearDuplicates() {
        List<LabelledComment> genuine = comments.stream().filter(LabelledComment::individuallyWritten).toList();
        List<Set<String>> grams = new ArrayList<>();
        genuine.forEach(c -> grams.add(CharacterTrigrams.of(c.text())));
        double max = 0;
        long worstA = -1;
        long worstB = -1;
        for (int i = 0; i < genuine.size(); i++) {
            for (int j = i + 1; j < genuine.size(); j++) {
                if (genuine.get(i).author().equals(genuine.get(j).author())) {
                    continue;
                }
                double similarity = CharacterTrigrams.jaccard(grams.get(i), grams.get(j));
                if (similarity > max) {
                    max = similarity;
                    worstA = genuine.get(i).id();
                    worstB = genuine.get(j).id();
                }
            }
        }
        System.out.printf("max trigram Jaccard between genuine comments of different authors: %.3f (ids %d, %d)%n",
                max, worstA, worstB);
        assertThat(max).isLessThan(0.5);
    }

    @Test
    void genuineCommentsHaveRealisticLengths() {
        List<Integer> lengths = comments.stream().filter(LabelledComment::individuallyWritten)
                .map(c -> c.text().length()).toList();
        assertThat(lengths).allSatisfy(length -> assertThat(length).isBetween(15, 300));
        assertThat(lengths.stream().filter(l -> l < 50).count()).as("short comments").isGreaterThan(30);
        assertThat(lengths.stream().filter(l -> l > 150).count()).as("long comments").isGreaterThan(30);
    }

    @Test
    void shortTextCampaignIsShort() {
        List<LabelledComment> members = byCampaign().get("parking-short");
        double mean = members.stream().mapToInt(c -> c.text().length()).average().orElseThrow();
        assertThat(mean).isBetween(30.0, 50.0);
        assertThat(members).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(60));
    }

    @Test
    void quoteCampaignQuotesTheArticleVerbatim() {
        List<LabelledComment> members = byCampaign().get("committee-quote-art17");
        assertThat(members).allSatisfy(c -> {
            assertThat(c.text()).contains(ARTICLE_17_PARAGRAPH_2);
            assertThat(c.article()).isEqualTo(17);
        });
    }

    @Test
    void mailMergeCampaignVariesItsVocabulary() {
        List<LabelledComment> members = byCampaign().get("fee-mail-merge");
        Set<String> companyTerms = new TreeSet<>();
        Set<String> committeeTerms = new TreeSet<>();
        Set<String> fundTerms = new TreeSet<>();
        for (LabelledComment c : members) {
            for (String term : List.of("物业服务企业", "物业服务人", "物业企业", "物业公司")) {
                if (c.text().contains(term)) {
                    companyTerms.add(term);
                }
            }
            for (String term : List.of("业委会", "业主委员会")) {
                if (c.text().contains(term)) {
                    committeeTerms.add(term);
                }
            }
            for (String term : List.of("专项维修资金", "维修基金", "维修资金")) {
                if (c.text().contains(term)) {
                    fundTerms.add(term);
                }
            }
        }
        assertThat(companyTerms).hasSizeGreaterThanOrEqualTo(3);
        assertThat(committeeTerms).hasSize(2);
        assertThat(fundTerms).hasSizeGreaterThanOrEqualTo(2);
        assertThat(members.stream().map(LabelledComment::text).distinct().count()).isEqualTo(members.size());
    }

    @Test
    void ownParagraphCampaignMembersAreAllDifferent() {
        List<LabelledComment> members = byCampaign().get("old-estate-own-paragraph");
        assertThat(members.stream().map(LabelledComment::text).distinct().count()).isEqualTo(members.size());
        assertThat(members).allSatisfy(c -> assertThat(c.text()).contains("老旧小区改造完成后由街道、社区兜底组织物业服务"));
    }

    @Test
    void jsonlRoundTripsThroughTheReader() throws Exception {
        String jsonl = EvaluationSetGenerator.toJsonl(comments);
        assertThat(EvaluationSet.read(new java.io.StringReader(jsonl))).isEqualTo(comments);
    }

    @Test
    void labelMapsCoverEveryComment() {
        assertThat(EvaluationSet.topicLabels(comments)).hasSize(comments.size());
        Map<Long, String> campaigns = EvaluationSet.campaignLabels(comments);
        assertThat(campaigns).hasSize(comments.size());
        assertThat(campaigns.values().stream().filter(v -> v == null).count())
                .isEqualTo(comments.stream().filter(c -> c.campaign() == null).count());
    }
}
