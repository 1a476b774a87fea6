package org.kaimen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PersonalDataIT {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void aCitizenDownloadsTheirDataThenDeletesTheAccountAndTheCommentsStayWithoutThem() throws Exception {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(clerk, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "个人信息", true).id());
        String citizen = accounts.create(Role.CITIZEN);
        String other = accounts.create(Role.CITIZEN);
        long mine = SignedIn.as(citizen, "ROLE_CITIZEN", () -> comments.submit(new NewComment(draftId, null,
                Stance.MODIFY, "请联系我13812345678，物业费应当公示。", null, null, null, null, null,
                new NewComment.Author("张三", null, "13812345678"), true, null, null, null, null, true)).id());
        long theirs = SignedIn.as(other, "ROLE_CITIZEN", () -> comments.submit(NewComment.online(draftId, null,
                Stance.SUPPORT, "支持公示物业费。")).id());
        Http http = new Http(port);

        HttpResponse<String> export = http.getAs(citizen, TestAccounts.PASSWORD, "/api/v1/me/personal-data");
        assertThat(export.statusCode()).isEqualTo(200);
        JsonNode data = json.readTree(export.body());
        assertThat(data.path("account").path("username").asText()).isEqualTo(citizen);
        assertThat(data.path("comments").path("comments").findValuesAsText("text"))
                .containsExactly("请联系我13812345678，物业费应当公示。");
        assertThat(data.path("comments").path("privacyConsent")).hasSize(1);

        HttpResponse<String> erased = http.send(HttpRequest.newBuilder(http.uri("/api/v1/me")).DELETE()
                .header("Authorization", Http.basic(citizen, TestAccounts.PASSWORD)));
        assertThat(erased.statusCode()).isEqualTo(204);

        // The comment stays in the record, cut loose from the person, its phone number masked.
        var row = jdbc.sql("SELECT account_id, author_name, author_phone, name_public, text FROM comment WHERE id = ?")
                .param(mine).query().singleRow();
        assertThat(row.get("account_id")).isNull();
        assertThat(row.get("author_name")).isNull();
        assertThat(row.get("author_phone")).isNull();
        assertThat(row.get("name_public")).isEqualTo(false);
        assertThat((String) row.get("text")).contains("物业费应当公示").doesNotContain("13812345678");
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE username = ? OR email LIKE ?").param(citizen)
                .param(citizen + "%").query(Long.class).single()).isZero();
        // The credentials no longer open anything; another citizen is untouched.
        assertThat(http.getAs(citizen, TestAccounts.PASSWORD, "/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT account_id IS NOT NULL FROM comment WHERE id = ?").param(theirs)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action IN ('account.export', 'account.erase')")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aClerkCannotEraseTheirOwnAccount() {
        String clerk = accounts.create(Role.DRAFTER);
        HttpResponse<String> refused = new Http(port).send(HttpRequest.newBuilder(new Http(port).uri("/api/v1/me"))
                .DELETE().header("Authorization", Http.basic(clerk, TestAccounts.PASSWORD)));
        assertThat(refused.statusCode()).isEqualTo(409);
    }
}
