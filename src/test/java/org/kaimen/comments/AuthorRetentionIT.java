package org.kaimen.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.SearchResult;
import org.kaimen.analysis.SearchService;
import org.kaimen.comments.internal.AuthorRetention;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.settings.Settings;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.kaimen.testsupport.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Comment authors' contact data is erased a set time after the consultation closed (个人信息保护法 第十九条); the
 * comments stay in the record, readable and searchable.
 */
@IntegrationTest
class AuthorRetentionIT {

    static final String PHONE = "13812345678";
    static final String ADDRESS = "滨州市黄河一路1号";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    SearchService search;
    @Autowired
    Settings settings;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuthorRetention retention;
    String admin;

    @AfterEach
    void backToNow() {
        clock.reset();
        if (admin != null) {
            setDays(settings.configured(Settings.COMMENT_AUTHOR_DAYS));
        }
    }

    @Test
    void contactDataOfAConsultationClosedLongerThanThePeriodIsErasedAndTheCommentsStay() {
        admin = accounts.create(Role.ADMIN);
        String clerk = accounts.create(Role.DRAFTER);
        String zhang = accounts.create(Role.CITIZEN);
        String li = accounts.create(Role.CITIZEN);
        long closedLongAgo = draft(clerk, "保留期限已过");
        long closedLately = draft(clerk, "保留期限未到");
        long withheld = submit(zhang, closedLongAgo, "请联系我" + PHONE + "，物业费应当公示。",
                new NewComment.Author("张三", null, PHONE, ADDRESS), false);
        long consented = submit(li, closedLongAgo, "支持公示物业费。", new NewComment.Author("李四", null, null), true);
        long recent = submit(zhang, closedLately, "电话" + PHONE + "，停车位应当优先出租。",
                new NewComment.Author("张三", null, PHONE, ADDRESS), false);
        SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            drafts.closeNow(closedLongAgo);
            return null;
        });
        clock.advance(Duration.ofDays(20));
        SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            drafts.closeNow(closedLately);
            return null;
        });
        clock.advance(Duration.ofDays(15));
        long open = draft(clerk, "征求意见中");
        long current = submit(zhang, open, "电话" + PHONE + "，电梯维修资金应当公开。",
                new NewComment.Author("张三", null, PHONE, ADDRESS), false);
        assertThat(row(withheld)).containsEntry("author_phone", PHONE).containsEntry("author_address", ADDRESS)
                .containsEntry("author_email", zhang + "@example.org");

        setDays(0);
        assertThat(purge()).as("0 keeps everything").isZero();
        assertThat(row(withheld)).containsEntry("author_phone", PHONE);

        setDays(30);
        assertThat(purge()).isGreaterThanOrEqualTo(2);

        // 35 days after closing: contact data gone, the name only where its author agreed to show it.
        Map<String, Object> erased = row(withheld);
        assertThat(erased).containsEntry("author_name", null).containsEntry("author_phone", null)
                .containsEntry("author_email", null).containsEntry("author_address", null)
                .containsEntry("status", "PUBLISHED");
        assertThat((String) erased.get("text")).contains("物业费应当公示").doesNotContain(PHONE);
        assertThat(row(consented)).containsEntry("author_name", "李四").containsEntry("author_email", null)
                .containsEntry("text", "支持公示物业费。");
        // 15 days after closing, and still open: untouched.
        assertThat(row(recent)).containsEntry("author_name", "张三").containsEntry("author_phone", PHONE)
                .containsEntry("author_address", ADDRESS);
        assertThat((String) row(recent).get("text")).contains(PHONE);
        assertThat(row(current)).containsEntry("author_phone", PHONE).containsEntry("author_address", ADDRESS);
        assertThat(audit.latest(5, "draft", String.valueOf(closedLongAgo))).filteredOn(e -> e.action()
                .equals("comment.retention")).extracting(AuditLog.Entry::actor).containsExactly("system");

        // Twice is harmless.
        Map<String, Object> before = row(withheld);
        assertThat(purge()).isZero();
        assertThat(row(withheld)).isEqualTo(before);

        // Still in the record: the public list, the index once it has caught up, the staff list and export.
        assertThat(SignedIn.as(li, "ROLE_CITIZEN", () -> comments.publicComments(closedLongAgo, null, null, 0, 20))
                .items()).extracting(PublicComment::id).contains(withheld, consented);
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().untilAsserted(() ->
                assertThat(SignedIn.as(clerk, "ROLE_DRAFTER", () -> search.search(CommentSearch.of(closedLongAgo,
                        "物业费"))).hits()).extracting(SearchResult.Hit::id).contains(withheld, consented));
        Http http = new Http(port);
        String staffList = http.getAs(admin, TestAccounts.PASSWORD,
                "/api/v1/drafts/" + closedLongAgo + "/comments").body();
        assertThat(staffList).contains("物业费应当公示").contains("李四").doesNotContain(PHONE).doesNotContain(ADDRESS)
                .doesNotContain("张三").doesNotContain(zhang + "@example.org").doesNotContain(li + "@example.org");
        var export = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/drafts/" + closedLongAgo
                + "/report.csv?names=true")).GET().header("Authorization", Http.basic(admin, TestAccounts.PASSWORD)));
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body())
                .contains("物业费应当公示").doesNotContain(PHONE).doesNotContain("张三").doesNotContain("@example.org");
    }

    private int purge() {
        return retention.purge();
    }

    private void setDays(int days) {
        SignedIn.as(admin, "ROLE_ADMIN", () -> {
            settings.set(Settings.COMMENT_AUTHOR_DAYS, days);
            return null;
        });
    }

    private long draft(String clerk, String title) {
        return SignedIn.as(clerk, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), title, true).id());
    }

    private long submit(String citizen, long draftId, String text, NewComment.Author author, boolean namePublic) {
        return SignedIn.as(citizen, "ROLE_CITIZEN", () -> comments.submit(new NewComment(draftId, null,
                Stance.MODIFY, text, null, null, null, null, null, author, namePublic, null, null, null, null,
                true)).id());
    }

    private Map<String, Object> row(long commentId) {
        return jdbc.sql("""
                        SELECT author_name, author_phone, author_email, author_address, text, status
                        FROM comment WHERE id = :id""").param("id", commentId).query().singleRow();
    }
}
