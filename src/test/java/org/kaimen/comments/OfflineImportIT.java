package org.kaimen.comments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class OfflineImportIT {

    /** Row 1 is the header; rows 3, 5 and 6 are wrong in three different ways. */
    static final String CSV = """
            渠道,联系点,条文,立场,意见,建议修改,姓名,电话
            基层立法联系点,市东街道联系点,第十二条,修改,业主大会召集期限应明确,,王阿姨,13812345678
            来信,,第十二条第二款,赞成,支持,,,
            信件,,第九条,反对,筹备组组建程序过于复杂,,张先生,
            电子邮件,,第十二款,疑问,条文引用写错了,,,
            基层立法联系点,,第三条,支持,没写联系点,,,
            信件,,第二百条,支持,草案没有这一条,,,
            """;

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
    String drafter;
    long draftId;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        drafter = accounts.create(Role.DRAFTER);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(drafter, null,
                AuthorityUtils.createAuthorityList("ROLE_DRAFTER")));
        try {
            draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "导入测试", true).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aFileWithBadRowsImportsNothingAndSaysWhichRowIsWrongUntilTheClerkAcceptsTheValidRows() throws Exception {
        HttpResponse<String> checked = upload(CSV, false);
        assertThat(checked.statusCode()).isEqualTo(422);
        JsonNode report = json.readTree(checked.body());
        assertThat(report.path("totalRows").asInt()).isEqualTo(6);
        assertThat(report.path("imported").asInt()).isZero();
        assertThat(report.path("problems").findValuesAsText("row")).containsExactly("5", "6", "7");
        assertThat(report.path("problems").get(0).path("message").asText()).contains("第十二款");
        assertThat(report.path("problems").get(1).path("message").asText()).contains("联系点名称");
        assertThat(report.path("problems").get(2).path("message").asText()).contains("草案中没有第二百条");
        assertThat(count()).isZero();

        HttpResponse<String> accepted = upload(CSV, true);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json.readTree(accepted.body()).path("imported").asInt()).isEqualTo(3);
        assertThat(count()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT station FROM comment WHERE draft_id = :d AND channel = 'LIAISON_STATION'")
                .param("d", draftId).query(String.class).single()).isEqualTo("市东街道联系点");
        assertThat(jdbc.sql("SELECT text_public FROM comment WHERE draft_id = :d AND author_name = '王阿姨'")
                .param("d", draftId).query(String.class).single()).isEqualTo("业主大会召集期限应明确");

        HttpResponse<String> again = upload(CSV, true);
        assertThat(json.readTree(again.body()).path("alreadyImported").asInt()).isEqualTo(3);
        assertThat(count()).as("the same file twice adds nothing").isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'comment.import' AND target_id = :d")
                .param("d", String.valueOf(draftId)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() {
        HttpResponse<String> response = upload("姓名,电话\n张三,13812345678\n", false);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("缺少必填列");
        assertThat(count()).isZero();
    }

    @Test
    void citizensCannotImport() {
        String citizen = accounts.create(Role.CITIZEN);
        assertThat(upload(CSV, false, citizen).statusCode()).isEqualTo(403);
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM comment WHERE draft_id = :d").param("d", draftId).query(Long.class)
                .single();
    }

    private HttpResponse<String> upload(String csv, boolean acceptValid) {
        return upload(csv, acceptValid, drafter);
    }

    private HttpResponse<String> upload(String csv, boolean acceptValid, String user) {
        String boundary = "kaimen-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"comments.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(http.uri("/api/v1/drafts/" + draftId
                        + "/comments/import?acceptValid=" + acceptValid))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", Http.basic(user, TestAccounts.PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
