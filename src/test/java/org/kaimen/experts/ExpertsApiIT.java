package org.kaimen.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ExpertsApiIT {

    @Autowired
    TestAccounts accounts;
    @LocalServerPort
    int port;

    @Test
    void thePoolIsForStaffOnlyAndCitizensAndExpertsAreRefused() {
        Http http = new Http(port);
        String clerk = accounts.create(Role.DRAFTER);
        String citizen = accounts.create(Role.CITIZEN);
        String expert = accounts.create(Role.EXPERT);

        assertThat(http.get("/api/v1/experts").statusCode()).isEqualTo(401);
        assertThat(http.getAs(citizen, TestAccounts.PASSWORD, "/api/v1/experts").statusCode()).isEqualTo(403);
        assertThat(http.getAs(expert, TestAccounts.PASSWORD, "/api/v1/experts").statusCode()).isEqualTo(403);
        HttpResponse<String> ok = http.getAs(clerk, TestAccounts.PASSWORD, "/api/v1/experts?q=nobody-by-this-name");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("[]");
        assertThat(http.getAs(citizen, TestAccounts.PASSWORD, "/api/v1/experts.xlsx").statusCode()).isEqualTo(403);
        assertThat(http.getAs(clerk, TestAccounts.PASSWORD, "/api/v1/experts.xlsx").headers()
                .firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
    }

    @Test
    void theInvitationPagesAreOpenToAnyoneButAForgedLinkIsRefused() {
        HttpResponse<String> page = new Http(port).get("/expert/invitation?token=1.accept.99999999999.forged");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("data-outcome='invalid'");
        assertThat(new Http(port).get("/experts/notice").statusCode()).isEqualTo(200);
    }
}
