package org.kaimen.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.testsupport.SignedIn.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.AccountService;
import org.kaimen.accounts.PersonalDataHolder;
import org.kaimen.accounts.Role;
import org.kaimen.accounts.internal.AccountRepository;
import org.kaimen.comments.internal.CommentRepository;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A submission reads its draft, its provision, the signed-in account and the privacy consent from brief caches. A
 * change made on this instance must apply to the very next submission, not a few seconds later: each test first
 * submits (so that everything is cached), then changes something, then submits again at once.
 */
@IntegrationTest
class SubmissionCachesIT {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DraftService drafts;
    @Autowired
    AccountService accountService;
    @Autowired
    CommentRepository comments;
    @Autowired
    List<PersonalDataHolder> holders;
    @Autowired
    AccountRepository accountRows;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    Http http;
    long draftId;
    long article3;
    String citizen;
    String drafter;

    @BeforeEach
    void openDraft() {
        http = new Http(port);
        citizen = accounts.create(Role.CITIZEN);
        drafter = accounts.create(Role.DRAFTER);
        draftId = as(drafter, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "缓存测试", true).id());
        article3 = Provision.find(drafts.tree(draftId, 0), "a3").id();
    }

    @Test
    void aDraftClosedAMomentAfterACommentRefusesTheNextOne() {
        assertThat(post(citizen, Map.of("provisionId", article3, "stance", "SUPPORT", "text", "第一条意见"))
                .statusCode()).isEqualTo(201);
        as(drafter, "ROLE_DRAFTER", () -> {
            drafts.closeNow(draftId);
            return null;
        });
        HttpResponse<String> late = post(citizen, Map.of("provisionId", article3, "stance", "SUPPORT", "text", "晚到"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("不再接受新的意见");
    }

    @Test
    void aClosedDraftGivenANewPeriodAcceptsCommentsAtOnce() {
        as(drafter, "ROLE_DRAFTER", () -> {
            drafts.closeNow(draftId);
            return null;
        });
        assertThat(post(citizen, Map.of("stance", "SUPPORT", "text", "关闭后")).statusCode()).isEqualTo(409);
        OffsetDateTime now = OffsetDateTime.now();
        as(drafter, "ROLE_DRAFTER", () -> {
            drafts.schedule(draftId, now.minusDays(1), now.plusDays(10));
            return null;
        });
        assertThat(post(citizen, Map.of("stance", "SUPPORT", "text", "重新开放后")).statusCode()).isEqualTo(201);
    }

    @Test
    void aCitizenMadeADrafterMayEnterOfflineCommentsAtOnce() {
        Map<String, Object> letter = Map.of("stance", "MODIFY", "text", "居民来信：建议增加公示期。",
                "channel", "LETTER", "author", Map.of("name", "王阿姨"));
        assertThat(post(citizen, Map.of("stance", "SUPPORT", "text", "普通意见")).statusCode()).isEqualTo(201);
        assertThat(post(citizen, letter).statusCode()).isEqualTo(403);
        long id = jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", citizen).query(Long.class)
                .single();
        String admin = accounts.create(Role.ADMIN);
        as(admin, "ROLE_ADMIN", () -> {
            accountService.setRoles(id, Set.of(Role.CITIZEN, Role.DRAFTER));
            return null;
        });
        assertThat(post(citizen, letter).statusCode()).isEqualTo(201);
    }

    @Test
    void aConsentWithdrawnByErasureIsNoLongerFound() {
        assertThat(post(citizen, Map.of("stance", "SUPPORT", "text", "同意隐私声明"))
                .statusCode()).isEqualTo(201);
        long id = jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", citizen).query(Long.class)
                .single();
        assertThat(comments.hasConsent(id)).isTrue();
        PersonalDataHolder commentData = holders.stream().filter(h -> h.section().equals("comments")).findFirst()
                .orElseThrow();
        // As the account's erasure does it: in one transaction with the rest of the account's data.
        new TransactionTemplate(transactions).executeWithoutResult(
                status -> commentData.erase(accountRows.findById(id).orElseThrow()));
        assertThat(comments.hasConsent(id)).isFalse();
    }

    private HttpResponse<String> post(String user, Map<String, Object> body) {
        Map<String, Object> consented = new HashMap<>(body);
        consented.put("privacyConsent", true);
        try {
            return http.send(HttpRequest.newBuilder(http.uri("/api/v1/drafts/" + draftId + "/comments"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", Http.basic(user, TestAccounts.PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(consented),
                            StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
