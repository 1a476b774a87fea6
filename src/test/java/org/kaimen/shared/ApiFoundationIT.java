package org.kaimen.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ApiFoundationIT {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theOpenApiDocumentIsPublicAndDescribesTheApi() {
        HttpResponse<String> doc = http.get("/api/v1/openapi.json");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("\"title\":\"Kaimen API\"").contains("/api/v1/me");
    }

    @Test
    void anAnonymousCallToAStaffEndpointGetsAProblemDetailInChineseByDefault() {
        HttpResponse<String> response = http.get("/api/v1/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").contains("请先登录");
    }

    @Test
    void problemDetailsFollowAcceptLanguage() {
        HttpResponse<String> response = http.get("/api/v1/me", "Accept-Language", "en-US,en;q=0.9");
        assertThat(response.body()).contains("Please sign in");
    }

    @Test
    void staffSignInWithHttpBasic() {
        String drafter = accounts.create(Role.DRAFTER);
        HttpResponse<String> me = http.getAs(drafter, TestAccounts.PASSWORD, "/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + drafter + "\"").contains("DRAFTER");
    }

    @Test
    void aCitizenIsForbiddenFromAdministrationWithAClearProblem() {
        String citizen = accounts.create(Role.CITIZEN);
        HttpResponse<String> response = http.getAs(citizen, TestAccounts.PASSWORD, "/api/v1/admin/accounts");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("没有执行此操作的权限");
    }

    @Test
    void anAdministratorListsAccounts() {
        String admin = accounts.create(Role.ADMIN);
        HttpResponse<String> response = http.getAs(admin, TestAccounts.PASSWORD, "/api/v1/admin/accounts?q=" + admin);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(admin).contains("ADMIN");
    }

    @Test
    void anUnknownApiPathIsALocalizedNotFoundForSignedInCallers() {
        String drafter = accounts.create(Role.DRAFTER);
        HttpResponse<String> response = http.getAs(drafter, TestAccounts.PASSWORD, "/api/v1/no-such-thing",
                "Accept-Language", "en");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("does not exist");
    }

    @Test
    void unknownApiPathsFailClosedForAnonymousCallers() {
        assertThat(http.get("/api/v1/no-such-thing").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongBasicCredentialsAreRefused() {
        String drafter = accounts.create(Role.DRAFTER);
        assertThat(http.getAs(drafter, "wrong-password", "/api/v1/me").statusCode()).isEqualTo(401);
    }
}
