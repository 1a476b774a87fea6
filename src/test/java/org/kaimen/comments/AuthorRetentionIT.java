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
import org.kaimen.hearings.HearingService;
import org.kaimen.hearings.Participation;
import org.kaimen.hearings.RegistrationForm;
import org.kaimen.hearings.internal.RegistrantRetention;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.settings.Settings;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.kaimen.testsupport.TestClock;
import org.kaimen.testsupport.TestHearings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Comment authors' contact data is erased a set time after the consultation closed, hearing registrants' names and
 * addresses a set time after the hearing (个人信息保护法 第十九条); the comments and registrations stay in the record.
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

    @Autowired
    HearingService hearings;
    @Autowired
    RegistrantRetention registrants;

    @AfterEach
    void backToNow() {
        clock.reset();
        if (admin != null) {
            setDays(Settings.COMMENT_AUTHOR_DAYS, settings.configured(Settings.COMMENT_AUTHOR_DAYS));
            setDays(Settings.HEARING_REGISTRANT_DAYS, settings.configured(Settings.HEARING_REGISTRANT_DAYS));
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
        comments.report(withheld, "离题", "192.0.2.77");
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

        setDays(Settings.COMMENT_AUTHOR_DAYS, 0);
        assertThat(purge()).as("0 keeps everything").isZero();
        assertThat(row(withheld)).containsEntry("author_phone", PHONE);

        setDays(Settings.COMMENT_AUTHOR_DAYS, 30);
        // A row a listener holds at that moment is skipped (SKIP LOCKED) and taken by the next run, as tonight's
        // would be by tomorrow's; the test runs again until both are done.
        java.util.concurrent.atomic.AtomicInteger erasedRows = new java.util.concurrent.atomic.AtomicInteger(purge());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    boolean done = row(withheld).get("author_phone") == null
                            && row(consented).get("author_email") == null;
                    if (!done) {
                        erasedRows.addAndGet(purge());
                    }
                    return done;
                });
        assertThat(erasedRows.get()).isGreaterThanOrEqualTo(2);

        // 35 days after closing: contact data gone, the name only where its author agreed to show it.
        Map<String, Object> erased = row(withheld);
        assertThat(erased).containsEntry("author_name", null).containsEntry("author_phone", null)
                .containsEntry("author_email", null).containsEntry("author_address", null)
                .containsEntry("status", "PUBLISHED");
        assertThat((String) erased.get("text")).contains("物业费应当公示").doesNotContain(PHONE);
        assertThat(row(consented)).containsEntry("author_name", "李四").containsEntry("author_email", null)
                .containsEntry("text", "支持公示物业费。");
        assertThat(jdbc.sql("SELECT reporter, reason FROM comment_report WHERE comment_id = :c").param("c", withheld)
                .query().singleRow()).containsEntry("reason", "离题").doesNotContainValue("address:192.0.2.77");
        // 15 days after closing, and still open: untouched.
        assertThat(row(recent)).containsEntry("author_name", "张三").containsEntry("author_phone", PHONE)
                .containsEntry("author_address", ADDRESS);
        assertThat((String) row(recent).get("text")).contains(PHONE);
        assertThat(row(current)).containsEntry("author_phone", PHONE).containsEntry("author_address", ADDRESS);
        assertThat(audit.latest(5, "draft", String.valueOf(closedLongAgo))).filteredOn(e -> e.action()
                .equals("comment.retention")).extracting(AuditLog.Entry::actor).isNotEmpty().containsOnly("system");

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

    @Test
    void hearingRegistrantsLoseNameAndAddressOnceTheHearingIsOverForLongerThanThePeriod() {
        admin = accounts.create(Role.ADMIN);
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = draft(clerk, "听证保留期限");
        long[] ids = SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            long over = TestHearings.announced(hearings, draftId, "已结束的听证", clock);
            long later = TestHearings.announced(hearings, draftId, "以后的听证", clock, 60);
            return new long[] {over, later};
        });
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        for (long hearing : ids) {
            hearings.register(hearing, new RegistrationForm(Participation.OBSERVER, "旁听人" + tag,
                    "observer." + tag + "@example.org", "居民", "滨城区", "律师", null, Map.of(), "zh-CN"));
        }
        SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            drafts.closeNow(draftId);
            return null;
        });
        // The first hearing began 30 days in, the second begins 60 days in; ten days' retention, 45 days on.
        clock.advance(Duration.ofDays(45));
        setDays(Settings.HEARING_REGISTRANT_DAYS, 10);
        assertThat(registrants.purge()).isGreaterThanOrEqualTo(1);

        assertThat(registration(ids[0])).containsEntry("name", null).containsEntry("email", null)
                .containsEntry("expertise", null).containsEntry("district", "滨城区").containsEntry("role", "OBSERVER");
        assertThat(registration(ids[1])).containsEntry("name", "旁听人" + tag)
                .containsEntry("email", "observer." + tag + "@example.org");
        assertThat(hearings.participantsOfDraft(draftId)).extracting(HearingService.Participant::hearingId)
                .containsExactly(ids[1]);
        assertThat(registrants.purge()).as("a second run").isZero();
    }

    private Map<String, Object> registration(long hearingId) {
        return jdbc.sql("""
                        SELECT name, email, expertise, district, role FROM hearing_registration
                        WHERE hearing_id = :h""").param("h", hearingId).query().singleRow();
    }

    private int purge() {
        return retention.purge();
    }

    private void setDays(String setting, int days) {
        SignedIn.as(admin, "ROLE_ADMIN", () -> {
            settings.set(setting, days);
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
