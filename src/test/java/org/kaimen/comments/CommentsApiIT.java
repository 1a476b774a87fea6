package org.kaimen.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.internal.Challenges;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Mails;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class CommentsApiIT {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DraftService drafts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    Http http;
    long draftId;
    long article12;
    String citizen;
    String drafter;

    @BeforeEach
    void openDraft() {
        http = new Http(port);
        citizen = accounts.create(Role.CITIZEN);
        drafter = accounts.create(Role.DRAFTER);
        asStaff(() -> {
            draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "意见测试", true).id();
            drafts.updateMetadata(draftId, "意见测试", null, null, true, true);
        });
        article12 = Provision.find(drafts.tree(draftId, 0), "a12").id();
    }

    @Test
    void aCitizenCommentsOnAnArticleAndGetsAReceiptByMail() throws Exception {
        HttpResponse<String> response = post(citizen, Map.of("provisionId", article12, "stance", "MODIFY",
                "text", "建议明确业主委员会召集会议的期限。", "proposedText", "业主委员会应当在十日内召集。"), null);
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        String receipt = body.path("receipt").asText();
        assertThat(receipt).matches("D" + draftId + "-\\d{8}-[2-9A-Z]{6}");

        var mail = Mails.awaitOne(citizen + "@example.org");
        assertThat(Mails.subject(mail)).contains(receipt);
        assertThat(Mails.decoded(mail)).contains("第十二条").contains("意见测试");
    }

    @Test
    void phoneNumbersIdNumbersAndEmailsAreMaskedForThePublicButNotForStaffWhoseReadIsAudited() throws Exception {
        String text = "物业费太高。请联系我：138 1234 5678 或 0543-3188888，身份证 37160219900101123X，"
                + "邮箱zhang.san@example.com谢谢";
        long id = json.readTree(post(citizen, Map.of("stance", "OPPOSE", "text", text), null).body())
                .path("id").asLong();

        HttpResponse<String> publicResponse = http.get("/api/v1/drafts/" + draftId + "/comments");
        assertThat(publicResponse.statusCode()).as(publicResponse.body()).isEqualTo(200);
        String publicList = publicResponse.body();
        assertThat(publicList).contains("物业费太高").doesNotContain("1234 5678").doesNotContain("12345678")
                .doesNotContain("37160219900101123X").doesNotContain("zhang.san@example.com")
                .doesNotContain(citizen + "@example.org");

        long auditsBefore = audits("comment.read-personal");
        String staffList = http.getAs(drafter, TestAccounts.PASSWORD, "/api/v1/drafts/" + draftId + "/comments")
                .body();
        assertThat(staffList).contains("138 1234 5678").contains("37160219900101123X")
                .contains("zhang.san@example.com").contains("\"id\":" + id);
        assertThat(audits("comment.read-personal")).isEqualTo(auditsBefore + 1);
    }

    @Test
    void concurrentDuplicateSubmissionsWithOneIdempotencyKeyMakeOneComment() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<HttpResponse<String>> call = () -> post(citizen, Map.of("stance", "SUPPORT",
                    "text", "支持设立物业管理委员会。"), "double-click-1");
            futures.add(pool.submit(call));
        }
        Set<String> ids = new HashSet<>();
        int created = 0;
        for (Future<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).isIn(200, 201);
            created += r.statusCode() == 201 ? 1 : 0;
            ids.add(json.readTree(r.body()).path("id").asText());
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(created).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM comment WHERE draft_id = :d AND text = '支持设立物业管理委员会。'")
                .param("d", draftId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAccountThatPostsTooOftenIsToldWhenToTryAgain() {
        for (int i = 0; i < 30; i++) {
            assertThat(post(citizen, Map.of("stance", "QUESTION", "text", "第" + i + "个问题"), null).statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<String> limited = post(citizen, Map.of("stance", "QUESTION", "text", "又一个问题"), null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(limited.body()).contains("提交过于频繁");
    }

    @Test
    void aClosedConsultationRefusesCommentsClearly() {
        asStaff(() -> drafts.closeNow(draftId));
        HttpResponse<String> response = post(citizen, Map.of("stance", "SUPPORT", "text", "晚到的意见"), null);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("征求意见已于").contains("不再接受新的意见");
        HttpResponse<String> en = http.send(request(citizen, Map.of("stance", "SUPPORT", "text", "late"), null)
                .header("Accept-Language", "en"));
        assertThat(en.body()).contains("no new comments are accepted");
    }

    @Test
    void anonymousCommentsNeedASolvedChallengeThatWorksOnce() throws Exception {
        JsonNode challenge = json.readTree(http.get("/api/v1/drafts/" + draftId + "/comments/challenge").body());
        String solved = Challenges.solve(challenge.path("challenge").asText(), challenge.path("bits").asInt());

        assertThat(anonymous(null).statusCode()).isEqualTo(422);
        assertThat(anonymous(solved).statusCode()).isEqualTo(201);
        HttpResponse<String> replay = anonymous(solved);
        assertThat(replay.statusCode()).isEqualTo(422);
        assertThat(replay.body()).contains("安全验证");

        asStaff(() -> drafts.updateMetadata(draftId, "意见测试", null, null, false, true));
        assertThat(anonymous(solved).statusCode()).isEqualTo(401);
    }

    @Test
    void aSensitiveWordHoldsACommentForReviewAndPublishingIsAudited() throws Exception {
        String admin = accounts.create(Role.ADMIN);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(admin, null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_DRAFTER")));
        try {
            commentService.replaceSensitiveWords(List.of("违禁词"));
        } finally {
            SecurityContextHolder.clearContext();
        }
        JsonNode held = json.readTree(post(citizen, Map.of("stance", "OPPOSE", "text", "这里有个违 禁 词"), null)
                .body());
        assertThat(held.path("status").asText()).isEqualTo("HELD");
        assertThat(http.get("/api/v1/drafts/" + draftId + "/comments").body()).doesNotContain("违 禁 词");

        asStaff(() -> commentService.publish(held.path("id").asLong()));
        assertThat(http.get("/api/v1/drafts/" + draftId + "/comments").body()).contains("违 禁 词");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'comment.published' AND target_id = :id")
                .param("id", held.path("id").asText()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void staffHideACommentOnlyWithAReason() throws Exception {
        long id = json.readTree(post(citizen, Map.of("stance", "OPPOSE", "text", "一条普通意见"), null).body())
                .path("id").asLong();
        asStaff(() -> {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> commentService.hide(id, " "))
                    .hasMessage("comments.error.reason");
            commentService.hide(id, "与草案无关的广告");
        });
        assertThat(http.get("/api/v1/drafts/" + draftId + "/comments").body()).doesNotContain("一条普通意见");
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'comment.hidden' AND target_id = :id")
                .param("id", String.valueOf(id)).query(String.class).single()).isEqualTo("与草案无关的广告");
    }

    @Test
    void onlyStaffEnterOfflineCommentsAndALiaisonStationMustBeNamed() {
        Map<String, Object> paper = Map.of("stance", "MODIFY", "text", "居民来信：电梯维修资金使用程序太复杂。",
                "channel", "LIAISON_STATION", "station", "滨城区市东街道基层立法联系点",
                "author", Map.of("name", "李大爷", "phone", "13912345678"));
        assertThat(post(citizen, paper, null).statusCode()).isEqualTo(403);
        assertThat(post(drafter, paper, null).statusCode()).isEqualTo(201);
        Map<String, Object> noStation = Map.of("stance", "MODIFY", "text", "无联系点", "channel", "LIAISON_STATION");
        HttpResponse<String> refused = post(drafter, noStation, null);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("联系点名称");
    }

    @Test
    void aQuotedSpanIsStoredAndAnOutOfRangeSpanIsRefused() throws Exception {
        Provision paragraph = Provision.find(drafts.tree(draftId, 0), "a12.p1");
        int at = paragraph.text().indexOf("业主委员会负责召集");
        long id = json.readTree(post(citizen, Map.of("provisionId", paragraph.id(), "stance", "QUESTION",
                "text", "召集程序是什么？", "quote", Map.of("start", at, "end", at + 9)), null).body()).path("id").asLong();
        assertThat(jdbc.sql("SELECT quote_text FROM comment WHERE id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("业主委员会负责召集");
        assertThat(post(citizen, Map.of("provisionId", paragraph.id(), "stance", "QUESTION", "text", "?",
                "quote", Map.of("start", 5, "end", 100000)), null).statusCode()).isEqualTo(422);
    }

    @Test
    void supportsCountOncePerAccountAndRepliesAreOneLevelDeep() throws Exception {
        long id = json.readTree(post(citizen, Map.of("stance", "SUPPORT", "text", "赞成第十二条"), null).body())
                .path("id").asLong();
        String other = accounts.create(Role.CITIZEN);
        assertThat(supportAs(other, id)).isEqualTo(201);
        assertThat(supportAs(other, id)).isEqualTo(200);
        assertThat(jdbc.sql("SELECT supports FROM comment WHERE id = :id").param("id", id).query(Integer.class)
                .single()).isEqualTo(1);

        long reply = json.readTree(post(other, Map.of("stance", "SUPPORT", "text", "同意楼上", "parentId", id), null)
                .body()).path("id").asLong();
        assertThat(post(citizen, Map.of("stance", "SUPPORT", "text", "回复回复", "parentId", reply), null).statusCode())
                .isEqualTo(422);
    }

    @Test
    void theSameTextTwiceFromOneAuthorIsFlaggedAsARepeatBothByAccountAndByEmailAddress() throws Exception {
        Map<String, Object> twice = Map.of("stance", "OPPOSE", "text", "重复的意见：反对第十二条。");
        assertThat(json.readTree(post(citizen, twice, null).body()).path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(json.readTree(post(citizen, twice, null).body()).path("status").asText()).isEqualTo("HELD");
        String other = accounts.create(Role.CITIZEN);
        assertThat(json.readTree(post(other, twice, null).body()).path("status").asText()).isEqualTo("PUBLISHED");

        // Letters entered by staff have no account: the author is known by the address only, in any case.
        long first = json.readTree(post(drafter, Map.of("stance", "MODIFY", "text", "来信：建议延长公示期。",
                "channel", "LETTER", "author", Map.of("name", "赵先生", "email", "Zhao@example.org")), null).body())
                .path("id").asLong();
        long second = json.readTree(post(drafter, Map.of("stance", "MODIFY", "text", "来信：建议延长公示期。",
                "channel", "LETTER", "author", Map.of("name", "赵先生", "email", "zhao@example.org")), null).body())
                .path("id").asLong();
        assertThat(flags(first)).doesNotContain("REPEATED");
        assertThat(flags(second)).contains("REPEATED");
    }

    private String flags(long commentId) {
        return jdbc.sql("SELECT array_to_string(flags, ',') FROM comment WHERE id = :id").param("id", commentId)
                .query(String.class).single();
    }

    @Test
    void textLimitsAreEnforcedWithAClearMessage() {
        HttpResponse<String> tooLong = post(citizen, Map.of("stance", "SUPPORT", "text", "长".repeat(5001)), null);
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("5000");
        assertThat(post(citizen, Map.of("stance", "SUPPORT", "text", "   "), null).statusCode()).isEqualTo(422);
        assertThat(post(citizen, Map.of("stance", "MAYBE", "text", "x"), null).statusCode()).isEqualTo(422);
    }

    @Autowired
    CommentService commentService;

    private int supportAs(String user, long id) {
        return http.send(HttpRequest.newBuilder(http.uri("/api/v1/comments/" + id + "/supports"))
                .header("Authorization", Http.basic(user, TestAccounts.PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode();
    }

    private HttpResponse<String> anonymous(String challenge) {
        HttpRequest.Builder b = HttpRequest.newBuilder(http.uri("/api/v1/drafts/" + draftId + "/comments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stance\":\"SUPPORT\",\"text\":\"匿名支持\"}",
                        StandardCharsets.UTF_8));
        if (challenge != null) {
            b.header("Kaimen-Challenge", challenge);
        }
        return http.send(b);
    }

    private HttpResponse<String> post(String user, Map<String, Object> body, String key) {
        return http.send(request(user, body, key));
    }

    private HttpRequest.Builder request(String user, Map<String, Object> body, String key) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(http.uri("/api/v1/drafts/" + draftId + "/comments"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", Http.basic(user, TestAccounts.PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
            if (key != null) {
                b.header("Idempotency-Key", key);
            }
            return b;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long audits(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = :a").param("a", action).query(Long.class)
                .single();
    }

    private void asStaff(Runnable r) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(drafter, null,
                AuthorityUtils.createAuthorityList("ROLE_DRAFTER")));
        try {
            r.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

}
