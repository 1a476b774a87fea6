package org.kaimen.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.feedback.internal.export.OpenDataFiles;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The open data of a closed consultation: every published comment and nothing else, anonymised as in the public
 * view, with the approved dispositions, the same through cursor pages, the JSON download and the CSV download.
 */
@IntegrationTest
class OpenDataIT {

    static final String PHONE = "13812345678";
    static final String EMAIL = "zhang.san@example.com";

    @LocalServerPort
    int port;
    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    FeedbackService feedback;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ObjectMapper json;

    @Test
    void theBulkExportOfAClosedDraftIsAnonymisedCompleteAndPagedThroughToTheEnd() throws Exception {
        Http http = new Http(port);
        String clerk = accounts.create(Role.DRAFTER);
        String reviewer = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            long id = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "开放数据测试", true).id();
            drafts.updateMetadata(id, "开放数据测试", null, null, true, true);
            return id;
        });
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            String citizen = accounts.create(Role.CITIZEN);
            String text = i == 0 ? "物业费账目应当公开，有问题请联系" + PHONE + "或" + EMAIL + "。"
                    : "第" + i + "条意见：建议细化业主大会议事规则。";
            published.add(SignedIn.as(citizen, "ROLE_CITIZEN", () -> comments.submit(new NewComment(draftId, null,
                    Stance.MODIFY, text, null, null, null, null, null, null, false, null, null, null, null, true))
                    .id()));
        }
        // A letter entered by a clerk: the writer's name is known but was not released for publication.
        long letter = SignedIn.as(clerk, "ROLE_DRAFTER", () -> comments.submit(new NewComment(draftId, null,
                Stance.OPPOSE, "来信：反对提高维修资金缴存比例。", null, null, null, Channel.LETTER, null,
                new NewComment.Author("王小明", null, null, null), false, null, null, null, null, false)).id());
        published.add(letter);
        long hidden = published.remove(5);
        SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            comments.hide(hidden, "测试：隐藏");
            return null;
        });

        long approved = SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            long id = feedback.create(draftId, "公开物业费账目", List.of(published.get(0), published.get(1)), "manual");
            feedback.propose(id, Disposition.ADOPTED, "已增加账目公示的规定。", null);
            long pending = feedback.create(draftId, "议事规则", List.of(published.get(2)), "manual");
            feedback.propose(pending, Disposition.NOT_ADOPTED, "尚在讨论。", null);
            return id;
        });
        SignedIn.as(reviewer, "ROLE_DRAFTER", () -> {
            feedback.approve(approved);
            return null;
        });

        String base = "/api/v1/open-data/drafts/" + draftId;
        HttpResponse<String> early = http.get(base + "/comments");
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(early.body()).contains("opendata.error.not-closed");
        SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            drafts.closeNow(draftId);
            return null;
        });

        // Cursor pages of 5 until next is null, as a client would page through.
        List<JsonNode> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            HttpResponse<String> r = http.get(base + "/comments?limit=5" + (next == null ? "" : "&after=" + next));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = json.readTree(r.body());
            page.path("items").forEach(paged::add);
            next = page.path("next").isMissingNode() || page.path("next").isNull() ? null : page.path("next").asText();
            assertThat(r.headers().firstValue("Link").isPresent()).isEqualTo(next != null);
            pages++;
        } while (next != null && pages < 100);
        assertThat(pages).isEqualTo(published.size() / 5 + 1);
        assertThat(paged).extracting(n -> n.path("id").asLong()).containsExactlyElementsOf(published);

        String all = paged.toString();
        assertThat(all).doesNotContain(PHONE).doesNotContain(EMAIL).doesNotContain("王小明")
                .doesNotContain("@example.org").contains("物业费账目应当公开");
        JsonNode letterNode = paged.get(paged.size() - 1);
        assertThat(letterNode.path("author").asText()).startsWith("王").isNotEqualTo("王小明");
        assertThat(letterNode.path("channel").asText()).isEqualTo("LETTER");
        assertThat(paged.get(0).path("disposition").asText()).isEqualTo("ADOPTED");
        assertThat(paged.get(0).path("opinionId").asLong()).isEqualTo(approved);
        assertThat(paged.get(2).path("disposition").isMissingNode()).as("not approved yet").isTrue();

        // The JSON download is the same records, all of them.
        HttpResponse<String> bulk = http.get(base + "/comments.json");
        assertThat(bulk.statusCode()).isEqualTo(200);
        assertThat(bulk.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(json.readTree(bulk.body()).toString()).isEqualTo(json.valueToTree(paged).toString());

        // The CSV: a header with the documented columns, one line per comment, nothing personal.
        HttpResponse<String> csv = http.get(base + "/comments.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", OpenDataFiles.columns(OpenData.CommentRecord.class)));
        assertThat(lines).hasSize(published.size() + 1);
        assertThat(csv.body()).doesNotContain(PHONE).doesNotContain(EMAIL).doesNotContain("王小明");
        assertThat(lines.get(1)).startsWith(published.get(0) + "," + draftId + ",");

        JsonNode opinions = json.readTree(http.get(base + "/opinions.json").body());
        assertThat(opinions).hasSize(1);
        assertThat(opinions.get(0).path("id").asLong()).isEqualTo(approved);
        assertThat(opinions.get(0).path("disposition").asText()).isEqualTo("ADOPTED");
        assertThat(opinions.get(0).path("comments").asInt()).isEqualTo(2);
        assertThat(http.get(base + "/opinions.csv").body().lines().count()).isEqualTo(2);
        assertThat(http.get(base + "/comments?after=abc").statusCode()).isEqualTo(400);
    }
}
