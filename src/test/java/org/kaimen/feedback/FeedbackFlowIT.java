package org.kaimen.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.kaimen.testsupport.SignedIn.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.SearchResult;
import org.kaimen.analysis.SearchService;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.MyComment;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.shared.web.KaimenException;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Mails;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The loop the law asks for, with the real services: comments are merged into opinions, one clerk proposes a
 * disposition and another approves it, every comment inherits it (My comments, the index), the report is published,
 * and the citizen who asked is told by e-mail.
 */
@IntegrationTest
class FeedbackFlowIT {

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    FeedbackService feedback;
    @Autowired
    SearchService search;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.kaimen.drafts.RevisionReasons revisionReasons;
    @LocalServerPort
    int port;

    String clerk;
    String reviewer;
    String citizen;
    long draftId;
    long article12;
    List<Long> feeComments = new ArrayList<>();
    long parkingComment;

    @BeforeEach
    void draftWithComments() {
        clerk = accounts.create(Role.DRAFTER);
        reviewer = accounts.create(Role.DRAFTER);
        as(clerk, "ROLE_DRAFTER");
        draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "反馈测试", true).id();
        article12 = Provision.find(drafts.tree(draftId, 0), "a12").id();
        SecurityContextHolder.clearContext();
        citizen = accounts.create(Role.CITIZEN);
        feeComments.add(submit(citizen, article12, "物业费调整应当经业主大会表决，并公示成本。"));
        feeComments.add(submit(accounts.create(Role.CITIZEN), article12, "物业费涨价前必须公开收支账目。"));
        parkingComment = submit(accounts.create(Role.CITIZEN), null, "小区车位应当优先出租给业主。");
    }

    @Test
    void aCommentIsMergedDisposedApprovedByASecondClerkAndReportedBack() throws Exception {
        as(citizen, "ROLE_CITIZEN", () -> feedback.subscribe(draftId));
        long fees = staff(clerk, () -> feedback.create(draftId, "物业费调整应经业主大会同意并公开成本", feeComments, "search"));
        long parking = staff(clerk, () -> feedback.create(draftId, "车位优先出租给业主", List.of(parkingComment), "manual"));
        assertThat(staff(clerk, () -> feedback.detail(fees)).opinion().articleKeys()).containsExactly("a12");

        staff(clerk, () -> {
            feedback.propose(fees, Disposition.ADOPTED, "已在第十二条中增加业主大会表决和成本公示的规定。", article12);
            feedback.propose(parking, Disposition.NOT_ADOPTED, "车位出租问题由第二十四条规定，维持原文。", null);
            return null;
        });
        // The proposer cannot approve their own disposition.
        assertThatThrownBy(() -> staff(clerk, () -> {
            feedback.approve(fees);
            return null;
        })).isInstanceOf(KaimenException.class).extracting(e -> ((KaimenException) e).messageKey())
                .isEqualTo("feedback.error.same-clerk");
        // Nothing is inherited before approval.
        assertThat(as(citizen, "ROLE_CITIZEN", () -> comments.myComments()))
                .allSatisfy(c -> assertThat(c.disposition()).isNull());
        // Publication waits for every opinion to be approved.
        assertThatThrownBy(() -> staff(clerk, () -> {
            feedback.publish(draftId);
            return null;
        })).isInstanceOf(KaimenException.class);

        staff(reviewer, () -> {
            feedback.approve(fees);
            feedback.approve(parking);
            return null;
        });
        MyComment mine = as(citizen, "ROLE_CITIZEN", () -> comments.myComments()).get(0);
        assertThat(mine.disposition()).isEqualTo("ADOPTED");
        assertThat(mine.dispositionReason()).contains("第十二条");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            SearchResult r = staff(clerk, () -> search.search(CommentSearch.of(draftId, "物业费")));
            assertThat(r.hits()).hasSize(2);
        });

        Http http = new Http(port);
        assertThat(http.get("/api/v1/drafts/" + draftId + "/report").statusCode()).isEqualTo(404);
        staff(clerk, () -> {
            feedback.publish(draftId);
            return null;
        });
        var response = http.get("/api/v1/drafts/" + draftId + "/report");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        assertThat(report.path("totals").path("comments").asInt()).isEqualTo(3);
        assertThat(report.path("totals").path("opinions").asInt()).isEqualTo(2);
        assertThat(report.path("totals").path("byDisposition").path("ADOPTED").asInt()).isEqualTo(1);
        assertThat(response.body()).contains("车位优先出租给业主").contains("已在第十二条中增加")
                .doesNotContain(citizen);
        JsonNode first = report.path("sections").get(0);
        assertThat(first.path("articles").get(0).path("articleKey").asText(null)).isNull();
        assertThat(report.path("sections").findValues("articleKey").stream().map(JsonNode::asText))
                .contains("a12");

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(citizen + "@example.org")
                .stream().filter(m -> Mails.subject(m).contains("采纳情况已公布")).findFirst().orElse(null),
                m -> m != null);
        assertThat(Mails.decoded(mail)).contains("/drafts/" + draftId + "/report").contains("反馈测试");
        // The published report is a public document: its opinions no longer change.
        assertThatThrownBy(() -> staff(clerk, () -> {
            feedback.move(List.of(parkingComment), fees);
            return null;
        })).isInstanceOf(KaimenException.class).extracting(e -> ((KaimenException) e).messageKey())
                .isEqualTo("feedback.error.published");
    }

    @Test
    void aCommentMovesBetweenOpinionsAndTheRecordKeepsEveryStep() {
        long fees = staff(clerk, () -> feedback.create(draftId, "物业费", feeComments, "manual"));
        long parking = staff(clerk, () -> feedback.create(draftId, "车位", List.of(parkingComment), "manual"));
        staff(clerk, () -> {
            feedback.propose(parking, Disposition.NOT_ADOPTED, "维持原文。", null);
            return null;
        });
        staff(reviewer, () -> {
            feedback.approve(parking);
            return null;
        });
        staff(clerk, () -> {
            feedback.move(List.of(parkingComment), fees);
            return null;
        });
        OpinionDetail parkingNow = staff(clerk, () -> feedback.detail(parking));
        assertThat(parkingNow.members()).isEmpty();
        assertThat(parkingNow.history()).extracting(OpinionEvent::action).containsSubsequence("CREATED", "ADDED",
                "PROPOSED", "APPROVED", "MOVED_OUT");
        assertThat(staff(clerk, () -> feedback.detail(fees)).members()).extracting(OpinionMember::commentId)
                .containsExactlyInAnyOrder(feeComments.get(0), feeComments.get(1), parkingComment);
        // It left an approved opinion for one not decided yet: the old disposition no longer applies.
        assertThat(comments.indexable(parkingComment).orElseThrow().disposition()).isNull();
        assertThat(staff(clerk, () -> feedback.progress(draftId)).unconsolidated()).isZero();
    }

    @Test
    void theRedlineOfTheNextVersionShowsTheOpinionsBehindAChange() {
        String v1 = Regulation.plain(Regulation.BINZHOU);
        int version = staff(clerk, () -> drafts.publishVersion(draftId, DraftSource.text(v1.replace("物业服务企业",
                "物业服务人")), "修改稿", "统一用语")).version();
        long changed = Provision.find(drafts.tree(draftId, version), "a12").id();
        long fees = staff(clerk, () -> feedback.create(draftId, "物业费调整须经业主大会同意", feeComments, "manual"));
        long parking = staff(clerk, () -> feedback.create(draftId, "车位", List.of(parkingComment), "manual"));
        staff(clerk, () -> {
            feedback.propose(fees, Disposition.PARTLY_ADOPTED, "部分采纳。", changed);
            feedback.propose(parking, Disposition.NOT_ADOPTED, "维持原文。", null);
            return null;
        });
        staff(reviewer, () -> {
            feedback.approve(fees);
            feedback.approve(parking);
            return null;
        });
        assertThat(staff(clerk, () -> revisionReasons.reasons(draftId, version)).get("a12"))
                .singleElement().satisfies(r -> {
                    assertThat(r.summary()).isEqualTo("物业费调整须经业主大会同意");
                    assertThat(r.disposition()).isEqualTo("PARTLY_ADOPTED");
                    assertThat(r.comments()).isEqualTo(2);
                });
        // The public sees the trace once the report is published, not while dispositions may still change.
        assertThat(revisionReasons.reasons(draftId, version)).isEmpty();
        staff(clerk, () -> {
            feedback.publish(draftId);
            return null;
        });
        assertThat(revisionReasons.reasons(draftId, version)).containsOnlyKeys("a12");
    }

    @Test
    void theDeskApiIsForStaffAndTheDraftReportOnlyForThem() throws Exception {
        Http http = new Http(port);
        assertThat(http.get("/api/v1/drafts/" + draftId + "/opinions").statusCode()).isEqualTo(401);
        assertThat(http.getAs(citizen, TestAccounts.PASSWORD, "/api/v1/drafts/" + draftId + "/opinions").statusCode())
                .isEqualTo(403);
        var preview = http.getAs(clerk, TestAccounts.PASSWORD, "/api/v1/drafts/" + draftId + "/report");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(json.readTree(preview.body()).path("publishedAt").asText(null)).isNull();
        var progress = json.readTree(http.getAs(clerk, TestAccounts.PASSWORD, "/api/v1/drafts/" + draftId
                + "/progress").body());
        assertThat(progress.path("comments").asInt()).isEqualTo(3);
        assertThat(progress.path("unconsolidated").asInt()).isEqualTo(3);
        var missingReason = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/opinions/"
                        + staff(clerk, () -> feedback.create(draftId, "测试", feeComments, "manual")) + "/proposal"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"disposition\":\"NOT_ADOPTED\"}"))
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
                .header("Authorization", Http.basic(clerk, TestAccounts.PASSWORD)));
        assertThat(missingReason.statusCode()).isEqualTo(422);
        assertThat(missingReason.body()).contains("请填写理由");
    }

    private <T> T staff(String user, Supplier<T> action) {
        return as(user, "ROLE_DRAFTER", action);
    }

    private long submit(String user, Long provisionId, String text) {
        return as(user, "ROLE_CITIZEN", () -> comments.submit(new NewComment(draftId, provisionId, Stance.MODIFY, text,
                null, null, null, null, null, null, false, null, null, null, null, true)).id());
    }
}
