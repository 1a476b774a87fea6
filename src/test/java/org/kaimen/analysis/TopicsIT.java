package org.kaimen.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.kaimen.testsupport.SignedIn.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.evaluation.ClusteringMetrics;
import org.kaimen.analysis.evaluation.EvaluationSet;
import org.kaimen.analysis.evaluation.LabelledComment;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.shared.web.KaimenException;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Topic clusters with the real services: a small labelled fixture (four topics of the evaluation set, each on its
 * own article) goes in through the normal submission path; clusters come out of PostgreSQL, the API and the index.
 */
@IntegrationTest
class TopicsIT {

    /** True topic and the article its comments are on. */
    static final Map<String, String> TOPICS = Map.of("电梯维修与更新", "a43", "电动车停放与充电安全", "a36",
            "停车位与车库", "a24", "物业管理委员会", "a17");

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    TopicService topics;
    @Autowired
    SearchService search;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    String drafter;
    long draftId;
    Map<String, Long> provisionIds = new HashMap<>();
    Map<Long, String> truth = new LinkedHashMap<>();

    @BeforeEach
    void fixture() {
        drafter = accounts.create(Role.DRAFTER);
        as(drafter, "ROLE_DRAFTER");
        draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "主题测试", true).id();
        List<Provision> tree = drafts.tree(draftId, 0);
        for (String key : new HashSet<>(TOPICS.values())) {
            provisionIds.put(key, Provision.find(tree, key).id());
        }
        SecurityContextHolder.clearContext();
        Map<String, Integer> taken = new HashMap<>();
        for (LabelledComment c : EvaluationSet.load()) {
            String article = TOPICS.get(c.topic());
            if (article != null && c.campaign() == null && ("a" + c.article()).equals(article)
                    && taken.merge(c.topic(), 1, Integer::sum) <= 8) {
                truth.put(submit(article, c.text()), c.topic());
            }
        }
        assertThat(truth).hasSize(32);
    }

    @Test
    void clustersOnASmallLabelledFixtureSeparateItsTopics() {
        int found = staff(() -> topics.recompute(draftId));
        Map<Long, String> predicted = predicted(staff(() -> topics.clusters(draftId, TopicCluster.DRAFT_SCOPE)));
        double ari = ClusteringMetrics.adjustedRandIndex(truth, predicted);
        assertThat(found).isBetween(3, 8);
        assertThat(ari).as("ARI of %s", predicted).isGreaterThanOrEqualTo(0.7);
        // Every article with enough comments gets its own scope, clustered over that article's comments only.
        List<TopicCluster> elevator = staff(() -> topics.clusters(draftId, "a43"));
        assertThat(elevator).isNotEmpty();
        assertThat(elevator).flatExtracting(TopicCluster::commentIds)
                .allSatisfy(id -> assertThat(truth.get(id)).isEqualTo("电梯维修与更新"));
        assertThat(staff(() -> topics.clusters(draftId, TopicCluster.DRAFT_SCOPE)))
                .allSatisfy(c -> assertThat(c.label()).isNotBlank().isNotEqualTo("—"));
    }

    @Test
    void theApiListsClustersAndThenTheUnclustered() throws Exception {
        staff(() -> topics.recompute(draftId));
        long late = submit("a43", "我家楼下的流浪猫太多了，希望条例对喂养流浪猫作出规定。");
        Http http = new Http(port);
        var response = http.getAs(drafter, TestAccounts.PASSWORD, "/api/v1/drafts/" + draftId + "/clusters");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(response.body());
        JsonNode last = list.get(list.size() - 1);
        assertThat(last.path("id").asText()).isEqualTo("unclustered");
        Set<Long> listed = new HashSet<>();
        list.forEach(c -> c.path("commentIds").forEach(id -> listed.add(id.asLong())));
        assertThat(listed).containsAll(truth.keySet());
        for (int i = 0; i < list.size() - 1; i++) {
            JsonNode c = list.get(i);
            assertThat(c.path("id").asText()).matches("\\d+");
            assertThat(c.path("label").asText()).isNotBlank();
            assertThat(c.path("keywords").isArray()).isTrue();
            assertThat(c.path("keywords").size()).isPositive();
        }
        JsonNode article = json.readTree(http.getAs(drafter, TestAccounts.PASSWORD,
                "/api/v1/drafts/" + draftId + "/clusters?article=43").body());
        Set<Long> inArticle = new HashSet<>();
        article.forEach(c -> c.path("commentIds").forEach(id -> inArticle.add(id.asLong())));
        Set<Long> expected = new HashSet<>();
        truth.forEach((id, topic) -> {
            if (topic.equals("电梯维修与更新")) {
                expected.add(id);
            }
        });
        expected.add(late);
        assertThat(inArticle).isEqualTo(expected);

        assertThat(http.get("/api/v1/drafts/" + draftId + "/clusters").statusCode()).isEqualTo(401);
        String citizen = accounts.create(Role.CITIZEN);
        assertThat(http.getAs(citizen, TestAccounts.PASSWORD, "/api/v1/drafts/" + draftId + "/clusters").statusCode())
                .isEqualTo(403);
    }

    @Test
    void clusterIdsReachTheIndexSoSearchFiltersByThem() {
        staff(() -> topics.recompute(draftId));
        TopicCluster biggest = staff(() -> topics.clusters(draftId, TopicCluster.DRAFT_SCOPE)).get(0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            SearchResult r = staff(() -> search.search(new CommentSearch(draftId, null, null, null, null, null, null,
                    null, null, null, null, biggest.id(), "OLDEST", 0, 100)));
            assertThat(r.hits()).extracting(SearchResult.Hit::id)
                    .containsExactlyInAnyOrderElementsOf(biggest.commentIds());
        });
    }

    @Test
    void renamedAndFrozenClustersSurviveRecomputation() {
        staff(() -> topics.recompute(draftId));
        List<TopicCluster> before = staff(() -> topics.clusters(draftId, TopicCluster.DRAFT_SCOPE));
        TopicCluster renamed = before.get(0);
        TopicCluster frozen = before.get(1);
        staff(() -> {
            topics.rename(renamed.id(), "电梯安全与维修");
            topics.freeze(frozen.id(), true);
            return null;
        });
        submit(TOPICS.get(truth.get(frozen.commentIds().get(0))), "同意这一条的方向，但执行上要细化，建议分步骤落实。");
        staff(() -> topics.recompute(draftId));
        List<TopicCluster> after = staff(() -> topics.clusters(draftId, TopicCluster.DRAFT_SCOPE));
        TopicCluster stillFrozen = after.stream().filter(c -> c.id() == frozen.id()).findFirst().orElseThrow();
        assertThat(stillFrozen.frozen()).isTrue();
        assertThat(stillFrozen.commentIds()).containsExactlyElementsOf(frozen.commentIds());
        assertThat(after).filteredOn(c -> c.id() != frozen.id()).flatExtracting(TopicCluster::commentIds)
                .doesNotContainAnyElementsOf(frozen.commentIds());
        TopicCluster keptName = after.stream().filter(c -> c.id() == renamed.id()).findFirst().orElseThrow();
        assertThat(keptName.label()).isEqualTo("电梯安全与维修");
        assertThat(keptName.labelEdited()).isTrue();
    }

    @Test
    void clerksMergeAndSplitClustersWithoutLosingAComment() {
        staff(() -> topics.recompute(draftId));
        List<TopicCluster> before = staff(() -> topics.clusters(draftId, TopicCluster.DRAFT_SCOPE));
        TopicCluster a = before.get(0);
        TopicCluster b = before.get(1);
        long merged = staff(() -> topics.merge(List.of(a.id(), b.id())));
        TopicCluster union = staff(() -> topics.cluster(merged));
        assertThat(union.frozen()).isTrue();
        assertThat(union.commentIds()).containsExactlyInAnyOrderElementsOf(concat(a.commentIds(), b.commentIds()));
        assertThatThrownBy(() -> staff(() -> topics.cluster(b.id()))).isInstanceOf(KaimenException.class);

        List<Long> halves = staff(() -> topics.split(merged));
        List<Long> first = staff(() -> topics.cluster(halves.get(0))).commentIds();
        List<Long> second = staff(() -> topics.cluster(halves.get(1))).commentIds();
        assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
        assertThat(second).isNotEmpty();
        assertThat(concat(first, second)).containsExactlyInAnyOrderElementsOf(union.commentIds());
        // Two different topics went in, so the split should mostly undo the merge.
        Map<Long, String> halvesLabels = new HashMap<>();
        first.forEach(id -> halvesLabels.put(id, "x"));
        second.forEach(id -> halvesLabels.put(id, "y"));
        Map<Long, String> origin = new HashMap<>();
        a.commentIds().forEach(id -> origin.put(id, "a"));
        b.commentIds().forEach(id -> origin.put(id, "b"));
        assertThat(ClusteringMetrics.adjustedRandIndex(origin, halvesLabels)).isGreaterThan(0.5);
    }

    @Test
    void aNewCommentJoinsItsNearestTopicOrWaitsInTheNovelQueue() {
        staff(() -> topics.recompute(draftId));
        TopicCluster elevator = staff(() -> topics.clusters(draftId, TopicCluster.DRAFT_SCOPE)).stream()
                .filter(c -> c.commentIds().stream().filter(id -> "电梯维修与更新".equals(truth.get(id))).count()
                        > c.size() / 2).findFirst().orElseThrow();
        long onTopic = submit("a43", "电梯老是困人，维保单位接到报修后半天才来，建议明确电梯故障后维修的时限和应急处置。");
        long offTopic = submit(null, "建议条例规定小区内禁止饲养烈性犬，遛狗必须拴绳并及时清理粪便。");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(staff(() -> topics.cluster(elevator.id())).commentIds()).contains(onTopic);
            assertThat(staff(() -> topics.novel(draftId, false, 100))).extracting(NovelComment::commentId)
                    .contains(offTopic).doesNotContain(onTopic);
        });
        staff(() -> {
            topics.markSeen(offTopic);
            return null;
        });
        assertThat(staff(() -> topics.novel(draftId, false, 100))).extracting(NovelComment::commentId)
                .doesNotContain(offTopic);
        assertThat(staff(() -> topics.novel(draftId, true, 100))).filteredOn(n -> n.commentId() == offTopic)
                .singleElement().satisfies(n -> assertThat(n.seen()).isTrue());
    }

    @Test
    void aHiddenCommentLeavesItsClusters() {
        staff(() -> topics.recompute(draftId));
        TopicCluster some = staff(() -> topics.clusters(draftId, TopicCluster.DRAFT_SCOPE)).get(0);
        long gone = some.commentIds().get(0);
        staff(() -> {
            comments.hide(gone, "测试");
            return null;
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(staff(() -> topics.cluster(some.id())).commentIds()).doesNotContain(gone));
        staff(() -> topics.recompute(draftId));
        assertThat(staff(() -> topics.clusters(draftId, TopicCluster.DRAFT_SCOPE)))
                .flatExtracting(TopicCluster::commentIds).doesNotContain(gone);
        assertThat(staff(() -> topics.unclustered(draftId, TopicCluster.DRAFT_SCOPE))).doesNotContain(gone);
    }

    @Test
    void renamingChecksTheNameAndTheApiEditsClusters() throws Exception {
        staff(() -> topics.recompute(draftId));
        TopicCluster c = staff(() -> topics.clusters(draftId, TopicCluster.DRAFT_SCOPE)).get(0);
        assertThatThrownBy(() -> staff(() -> {
            topics.rename(c.id(), "  ");
            return null;
        })).isInstanceOf(KaimenException.class);
        Http http = new Http(port);
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/clusters/"
                        + c.id()))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"label\":\"业委会\",\"frozen\":true}"))
                .header("Content-Type", "application/json")
                .header("Authorization", Http.basic(drafter, TestAccounts.PASSWORD)));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("label").asText()).isEqualTo("业委会");
        assertThat(body.path("frozen").asBoolean()).isTrue();
        var empty = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/clusters/"
                        + c.id()))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"label\":\"\"}"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .header("Authorization", Http.basic(drafter, TestAccounts.PASSWORD)));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("at most 60 characters");
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Map<Long, String> predicted(List<TopicCluster> clusters) {
        Map<Long, String> out = new HashMap<>();
        clusters.forEach(c -> c.commentIds().forEach(id -> out.put(id, "c" + c.id())));
        return out;
    }

    private <T> T staff(Supplier<T> action) {
        return as(drafter, "ROLE_DRAFTER", action);
    }

    private long submit(String article, String text) {
        String citizen = accounts.create(Role.CITIZEN);
        as(citizen, "ROLE_CITIZEN");
        try {
            return comments.submit(new NewComment(draftId, article == null ? null : provisionIds.get(article),
                    Stance.MODIFY, text, null, null, null, null, null, null, false, null, null, null, null, true)).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
