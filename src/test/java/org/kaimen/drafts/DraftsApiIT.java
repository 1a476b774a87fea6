package org.kaimen.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DraftsApiIT {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    Http http;
    String drafter;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        drafter = accounts.create(Role.DRAFTER);
    }

    @Test
    void aDrafterImportsPlainTextAndGetsTheRealCountsOfTheBinzhouRegulation() throws IOException {
        HttpResponse<String> response = postText(Regulation.plain(Regulation.BINZHOU), "?open=true");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("title").asText()).isEqualTo("滨州市住宅物业管理条例");
        assertThat(body.path("counts").path("chapters").asInt()).isEqualTo(9);
        assertThat(body.path("counts").path("sections").asInt()).isZero();
        assertThat(body.path("counts").path("articles").asInt()).isEqualTo(59);
        assertThat(body.path("counts").path("paragraphs").asInt()).isEqualTo(103);
        assertThat(body.path("counts").path("items").asInt()).isEqualTo(74);
        assertThat(body.path("anomalies").size()).isZero();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/drafts/" + body.path("id").asLong());

        JsonNode list = json.readTree(http.get("/api/v1/drafts").body());
        assertThat(list.findValuesAsText("id")).contains(body.path("id").asText());
    }

    @Test
    void theNationalRegulationArrivesAsAWordFileWithItsSevenChaptersAndSixtySevenArticles() throws Exception {
        HttpResponse<String> response = postFile("物业管理条例.docx", Regulation.docx(Regulation.NATIONAL),
                "?title=" + java.net.URLEncoder.encode("物业管理条例（修订草案）", StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("title").asText()).isEqualTo("物业管理条例（修订草案）");
        assertThat(body.path("counts").path("chapters").asInt()).isEqualTo(7);
        assertThat(body.path("counts").path("articles").asInt()).isEqualTo(67);
        assertThat(body.path("counts").path("paragraphs").asInt()).isEqualTo(108);
        assertThat(body.path("counts").path("items").asInt()).isEqualTo(35);
    }

    @Test
    void theProvisionTreeCarriesIdsKindsNumbersLabelsAndText() throws IOException {
        long id = json.readTree(postText(Regulation.markdown(Regulation.BINZHOU), "?open=true").body())
                .path("id").asLong();
        JsonNode draft = json.readTree(http.get("/api/v1/drafts/" + id).body());
        assertThat(draft.path("state").asText()).isEqualTo("OPEN");
        assertThat(draft.path("daysLeft").asInt()).isEqualTo(30);
        JsonNode chapter = draft.path("provisions").get(0);
        assertThat(chapter.path("kind").asText()).isEqualTo("CHAPTER");
        assertThat(chapter.path("label").asText()).isEqualTo("第一章");
        assertThat(chapter.path("text").asText()).isEqualTo("总则");
        JsonNode article = chapter.path("children").get(0);
        assertThat(article.path("kind").asText()).isEqualTo("ARTICLE");
        assertThat(article.path("number").asInt()).isEqualTo(1);
        assertThat(article.path("label").asText()).isEqualTo("第一条");
        assertThat(article.path("id").asLong()).isPositive();
        JsonNode paragraph = article.path("children").get(0);
        assertThat(paragraph.path("label").asText()).isEqualTo("第一条第一款");
        assertThat(paragraph.path("text").asText()).startsWith("为了规范住宅物业管理活动");

        JsonNode item = find(draft.path("provisions"), "第十一条第一款第（一）项");
        assertThat(item).isNotNull();
        assertThat(item.path("kind").asText()).isEqualTo("ITEM");
        assertThat(item.path("text").asText()).startsWith("（一）");
    }

    @Test
    void textThatIsNotADraftIsRefusedClearlyAndNothingIsStored() {
        long before = drafts();
        HttpResponse<String> response = postText("关于召开业主大会的通知\n各位业主：定于下周召开会议，请准时参加。", "");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("这似乎不是一部法规草案");
        assertThat(drafts()).isEqualTo(before);
    }

    @Test
    void aBrokenWordFileGetsAClearError() {
        HttpResponse<String> response = postFile("broken.docx", "PK\u0003\u0004 not really a zip".getBytes(
                StandardCharsets.ISO_8859_1), "");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("无法读取该 Word 文件");
    }

    @Test
    void onlyStaffMayImport() {
        String citizen = accounts.create(Role.CITIZEN);
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(http.uri("/api/v1/drafts"))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(Regulation.plain(Regulation.BINZHOU)));
        assertThat(http.send(anonymous).statusCode()).isEqualTo(401);
        HttpRequest.Builder asCitizen = HttpRequest.newBuilder(http.uri("/api/v1/drafts"))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("Authorization", Http.basic(citizen, TestAccounts.PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(Regulation.plain(Regulation.BINZHOU)));
        assertThat(http.send(asCitizen).statusCode()).isEqualTo(403);
    }

    @Test
    void aDraftThatIsNotOpenYetIsHiddenFromThePublicButNotFromStaff() throws IOException {
        long id = json.readTree(postText(Regulation.plain(Regulation.BINZHOU), "").body()).path("id").asLong();
        assertThat(http.get("/api/v1/drafts/" + id).statusCode()).isEqualTo(404);
        assertThat(http.getAs(drafter, TestAccounts.PASSWORD, "/api/v1/drafts/" + id).statusCode()).isEqualTo(200);
        assertThat(json.readTree(http.get("/api/v1/drafts").body()).findValuesAsText("id"))
                .doesNotContain(String.valueOf(id));
    }

    private long drafts() {
        return jdbc.sql("SELECT count(*) FROM draft").query(Long.class).single();
    }

    private HttpResponse<String> postText(String text, String query) {
        return http.send(HttpRequest.newBuilder(http.uri("/api/v1/drafts" + query))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("Authorization", Http.basic(drafter, TestAccounts.PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> postFile(String filename, byte[] content, String query) {
        String boundary = "kaimen-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(http.uri("/api/v1/drafts" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", Http.basic(drafter, TestAccounts.PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static JsonNode find(JsonNode nodes, String label) {
        for (JsonNode n : nodes) {
            if (label.equals(n.path("label").asText())) {
                return n;
            }
            JsonNode inChild = find(n.path("children"), label);
            if (inChild != null) {
                return inChild;
            }
        }
        return null;
    }
}
