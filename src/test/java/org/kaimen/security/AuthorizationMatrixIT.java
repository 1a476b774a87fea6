package org.kaimen.security;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint × every role, anonymous included. The table below is the contract: an endpoint missing from it
 * fails the test, so a new endpoint cannot ship without someone deciding who may call it.
 */
@IntegrationTest
class AuthorizationMatrixIT {

    /** Who may call: everyone, any signed-in person, drafting-group staff, administrators. */
    enum Access {
        PUBLIC(EnumSet.allOf(Caller.class)),
        SIGNED_IN(EnumSet.of(Caller.CITIZEN, Caller.EXPERT, Caller.DRAFTER, Caller.ADMIN)),
        STAFF(EnumSet.of(Caller.DRAFTER, Caller.ADMIN)),
        ADMIN(EnumSet.of(Caller.ADMIN)),
        EXPERT(EnumSet.of(Caller.EXPERT));

        final Set<Caller> allowed;

        Access(Set<Caller> allowed) {
            this.allowed = allowed;
        }
    }

    enum Caller { ANONYMOUS, CITIZEN, EXPERT, DRAFTER, ADMIN }

    static final Map<String, Access> API = Map.ofEntries(
            entry("GET /api/v1/me", Access.SIGNED_IN),
            entry("GET /api/v1/me/personal-data", Access.SIGNED_IN),
            entry("DELETE /api/v1/me", Access.SIGNED_IN),
            entry("GET /api/v1/me/tokens", Access.SIGNED_IN),
            entry("POST /api/v1/me/tokens", Access.SIGNED_IN),
            entry("DELETE /api/v1/me/tokens/{id}", Access.SIGNED_IN),
            entry("GET /api/v1/admin/accounts", Access.ADMIN),
            entry("GET /api/v1/admin/index", Access.ADMIN),
            entry("POST /api/v1/admin/index/rebuild", Access.ADMIN),
            entry("GET /api/v1/drafts", Access.PUBLIC),
            entry("POST /api/v1/drafts", Access.STAFF),
            entry("GET /api/v1/drafts/{id}", Access.PUBLIC),
            entry("POST /api/v1/drafts/{id}/versions", Access.STAFF),
            entry("GET /api/v1/drafts/{id}/versions/{n}/diff", Access.PUBLIC),
            entry("POST /api/v1/drafts/{id}/comments", Access.PUBLIC),
            entry("GET /api/v1/drafts/{id}/comments", Access.PUBLIC),
            entry("GET /api/v1/drafts/{id}/comments/challenge", Access.PUBLIC),
            entry("GET /api/v1/drafts/{id}/comments/stats", Access.PUBLIC),
            entry("POST /api/v1/drafts/{id}/comments/import", Access.STAFF),
            entry("GET /api/v1/comments/import-template.xlsx", Access.STAFF),
            entry("POST /api/v1/comments/{id}/supports", Access.SIGNED_IN),
            entry("POST /api/v1/comments/{id}/reports", Access.PUBLIC),
            entry("GET /api/v1/drafts/{id}/comments/search", Access.STAFF),
            entry("GET /api/v1/drafts/{id}/campaigns", Access.STAFF),
            entry("GET /api/v1/drafts/{id}/clusters", Access.STAFF),
            entry("POST /api/v1/drafts/{id}/clusters/recompute", Access.STAFF),
            entry("GET /api/v1/drafts/{id}/clusters/novel", Access.STAFF),
            entry("POST /api/v1/comments/{commentId}/novel-seen", Access.STAFF),
            entry("POST /api/v1/clusters/merge", Access.STAFF),
            entry("POST /api/v1/clusters/{clusterId}/split", Access.STAFF),
            entry("PATCH /api/v1/clusters/{clusterId}", Access.STAFF),
            entry("GET /api/v1/drafts/{id}/report", Access.PUBLIC),
            entry("GET /api/v1/drafts/{id}/report.docx", Access.PUBLIC),
            entry("GET /api/v1/drafts/{id}/report.pdf", Access.PUBLIC),
            entry("GET /api/v1/drafts/{id}/report.xlsx", Access.PUBLIC),
            entry("GET /api/v1/drafts/{id}/report.csv", Access.PUBLIC),
            entry("POST /api/v1/drafts/{id}/report/publication", Access.STAFF),
            entry("POST /api/v1/drafts/{id}/report/subscription", Access.SIGNED_IN),
            entry("GET /api/v1/drafts/{id}/progress", Access.STAFF),
            entry("GET /api/v1/drafts/{id}/opinions", Access.STAFF),
            entry("POST /api/v1/drafts/{id}/opinions", Access.STAFF),
            entry("GET /api/v1/opinions/{id}", Access.STAFF),
            entry("POST /api/v1/opinions/{id}/members", Access.STAFF),
            entry("POST /api/v1/opinions/{id}/proposal", Access.STAFF),
            entry("POST /api/v1/opinions/{id}/approval", Access.STAFF),
            entry("POST /api/v1/opinions/{id}/return", Access.STAFF),
            entry("GET /api/v1/experts", Access.STAFF),
            entry("POST /api/v1/experts", Access.STAFF),
            entry("PUT /api/v1/experts/{id}", Access.STAFF),
            entry("GET /api/v1/experts.xlsx", Access.STAFF),
            entry("POST /api/v1/experts/import", Access.STAFF),
            entry("GET /api/v1/experts/records/{year}", Access.STAFF),
            entry("POST /api/v1/expert-consultations", Access.STAFF),
            entry("GET /api/v1/expert-consultations/{id}", Access.STAFF),
            entry("POST /api/v1/expert-consultations/{id}/draw", Access.STAFF),
            entry("GET /api/v1/expert-consultations/{id}/draws", Access.STAFF),
            entry("GET /api/v1/expert-consultations/{id}/draws/{round}/recomputation", Access.STAFF),
            entry("POST /api/v1/expert-consultations/{id}/additions", Access.STAFF),
            entry("POST /api/v1/expert-consultations/{id}/removals", Access.STAFF),
            entry("POST /api/v1/expert-consultations/{id}/sending", Access.STAFF),
            entry("GET /api/v1/expert-consultations/{id}/invitations", Access.STAFF),
            entry("GET /api/v1/open-data/drafts/{id}/comments", Access.PUBLIC),
            entry("GET /api/v1/open-data/drafts/{id}/comments.csv", Access.PUBLIC),
            entry("GET /api/v1/open-data/drafts/{id}/comments.json", Access.PUBLIC),
            entry("GET /api/v1/open-data/drafts/{id}/opinions", Access.PUBLIC),
            entry("GET /api/v1/open-data/drafts/{id}/opinions.csv", Access.PUBLIC),
            entry("GET /api/v1/open-data/drafts/{id}/opinions.json", Access.PUBLIC),
            entry("GET /api/v1/hearings", Access.PUBLIC),
            entry("GET /api/v1/hearings/{id}", Access.PUBLIC),
            entry("POST /api/v1/hearings/{id}/registrations", Access.PUBLIC),
            entry("GET /api/v1/hearings/{id}/lottery", Access.PUBLIC),
            entry("GET /api/v1/hearings/{id}/timeline", Access.STAFF),
            entry("GET /api/v1/hearings/{id}/report", Access.PUBLIC),
            entry("GET /api/v1/hearings/{id}/report.docx", Access.PUBLIC),
            entry("GET /api/v1/hearings/{id}/report.pdf", Access.PUBLIC));

    /** Calls with a side effect on shared state that a probe must not trigger for real; their guard is still probed. */
    static final Set<String> PROBE_DENIED_ONLY = Set.of("POST /api/v1/admin/index/rebuild", "DELETE /api/v1/me");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsInTheTableAndEveryEntryIsStillAnEndpoint() {
        assertThat(endpoints()).isEqualTo(new TreeSet<>(API.keySet()));
    }

    @Test
    void everyRoleGetsExactlyTheEndpointsTheTableGrantsIt() throws Exception {
        Map<Caller, String> users = new LinkedHashMap<>();
        for (Caller c : Caller.values()) {
            users.put(c, c == Caller.ANONYMOUS ? null : accounts.create(Role.valueOf(c.name())));
        }
        Http http = new Http(port);
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints()) {
            Access access = API.get(endpoint);
            if (access == null) {
                continue;
            }
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "987654321");
            for (Caller caller : Caller.values()) {
                boolean allowed = access.allowed.contains(caller);
                if (allowed && PROBE_DENIED_ONLY.contains(endpoint)) {
                    continue;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json");
                if (users.get(caller) != null) {
                    request.header("Authorization", Http.basic(users.get(caller), TestAccounts.PASSWORD));
                }
                HttpResponse<String> response = http.send(request);
                int status = response.statusCode();
                boolean refused = status == 401 || status == 403;
                int expectedRefusal = caller == Caller.ANONYMOUS ? 401 : 403;
                if (status >= 500) {
                    // A caller who may call it, with an unknown id and an empty body, deserves a clear 4xx.
                    wrong.add(endpoint + " as " + caller + ": " + status + " (an unknown id or empty body is not a 5xx)");
                } else if (allowed ? refused : status != expectedRefusal) {
                    wrong.add(endpoint + " as " + caller + ": " + status + (allowed ? " (should pass)"
                            : " (should be " + expectedRefusal + ")"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private Set<String> endpoints() {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/openapi")) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(m -> out.add(m.name() + " " + pattern));
            }
        }
        return out;
    }
}
