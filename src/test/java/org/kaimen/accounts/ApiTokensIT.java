package org.kaimen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
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
class ApiTokensIT {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService accountService;
    @Autowired
    DraftService drafts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void aTokenCreatedWithThePasswordSubmitsCommentsUntilItIsRevokedAndOnlyItsHashIsStored() throws Exception {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(clerk, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "令牌", true).id());
        String citizen = accounts.create(Role.CITIZEN);
        Http http = new Http(port);

        HttpResponse<String> created = post(http, "/api/v1/me/tokens", "{\"name\":\"社区意见征集点\",\"days\":30}",
                Http.basic(citizen, TestAccounts.PASSWORD));
        assertThat(created.statusCode()).isEqualTo(201);
        String token = json.readTree(created.body()).path("token").asText();
        long tokenId = json.readTree(created.body()).path("id").asLong();
        assertThat(token).startsWith("kmn_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = ? OR hint = ?").param(token)
                .param(token).query(Long.class).single()).as("the secret itself is never stored").isZero();

        HttpResponse<String> comment = post(http, "/api/v1/drafts/" + draftId + "/comments",
                "{\"stance\":\"SUPPORT\",\"text\":\"用令牌提交的意见\",\"privacyConsent\":true}", "Bearer " + token);
        assertThat(comment.statusCode()).isEqualTo(201);
        long commentId = json.readTree(comment.body()).path("id").asLong();
        assertThat(jdbc.sql("SELECT a.username FROM comment c JOIN account a ON a.id = c.account_id WHERE c.id = ?")
                .param(commentId).query(String.class).single()).as("the comment is the token holder's")
                .isEqualTo(citizen);

        JsonNode listed = json.readTree(http.get("/api/v1/me/tokens", "Authorization", "Bearer " + token).body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("name").asText()).isEqualTo("社区意见征集点");
        assertThat(listed.get(0).path("hint").asText()).isEqualTo(token.substring(token.length() - 4));
        assertThat(listed.get(0).path("lastUsedAt").isNull()).as("last use recorded").isFalse();
        assertThat(listed.toString()).doesNotContain(token);

        assertThat(post(http, "/api/v1/me/tokens", "{\"name\":\"再来一个\"}", "Bearer " + token).statusCode())
                .as("a token cannot mint its successors").isEqualTo(403);
        assertThat(http.get("/api/v1/admin/accounts", "Authorization", "Bearer " + token).statusCode())
                .as("a citizen's token carries a citizen's rights only").isEqualTo(403);

        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(http.uri("/api/v1/me/tokens/" + tokenId))
                .DELETE().header("Authorization", Http.basic(citizen, TestAccounts.PASSWORD)));
        assertThat(revoked.statusCode()).isEqualTo(204);
        HttpResponse<String> refused = http.get("/api/v1/me", "Authorization", "Bearer " + token);
        assertThat(refused.statusCode()).as("revoked at once, not treated as anonymous").isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action LIKE 'account.api-token.%'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aForgedExpiredOrDisabledAccountsTokenIsRefused() throws Exception {
        String citizen = accounts.create(Role.CITIZEN);
        Http http = new Http(port);
        assertThat(http.get("/api/v1/me", "Authorization", "Bearer kmn_forged000000000000000000000000000000000")
                .statusCode()).isEqualTo(401);

        String expiring = json.readTree(post(http, "/api/v1/me/tokens", "{\"name\":\"短期\",\"days\":1}",
                Http.basic(citizen, TestAccounts.PASSWORD)).body()).path("token").asText();
        assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + expiring).statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 minute' WHERE hint = ?")
                .param(expiring.substring(expiring.length() - 4)).update();
        // The lookup cache would still know it for up to 30 s; an admin's state change is what flushes it.
        String admin = accounts.create(Role.ADMIN);
        long citizenId = jdbc.sql("SELECT id FROM account WHERE username = ?").param(citizen).query(Long.class)
                .single();
        SignedIn.as(admin, "ROLE_ADMIN", () -> {
            accountService.setStatus(citizenId, AccountStatus.ACTIVE);
            return null;
        });
        assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + expiring).statusCode()).isEqualTo(401);

        String valid = json.readTree(post(http, "/api/v1/me/tokens", "{\"name\":\"长期\"}",
                Http.basic(citizen, TestAccounts.PASSWORD)).body()).path("token").asText();
        assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + valid).statusCode()).isEqualTo(200);
        SignedIn.as(admin, "ROLE_ADMIN", () -> {
            accountService.setStatus(citizenId, AccountStatus.DISABLED);
            return null;
        });
        assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + valid).statusCode())
                .as("a disabled account's tokens stop working at once").isEqualTo(401);

        assertThat(post(http, "/api/v1/me/tokens", "{\"name\":\"\"}", Http.basic(admin, TestAccounts.PASSWORD))
                .statusCode()).isEqualTo(422);
        assertThat(post(http, "/api/v1/me/tokens", "{\"name\":\"x\",\"days\":400}",
                Http.basic(admin, TestAccounts.PASSWORD)).statusCode()).isEqualTo(422);
    }

    private static HttpResponse<String> post(Http http, String path, String body, String authorization) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", authorization));
    }
}
