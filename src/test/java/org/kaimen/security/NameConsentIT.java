package org.kaimen.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.feedback.Disposition;
import org.kaimen.feedback.FeedbackService;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A commenter's name is shown publicly only with their own consent (name_public): on every public surface that shows
 * comments, the full name appears for the author who ticked the box and for no one else, whether they commented
 * online or a clerk entered their letter. Staff reads of personal data leave an audit record, and the staff screens
 * that need no personal data show none.
 */
class NameConsentIT extends KaribuSupport {

    static final String CONSENTED = "司马青云";
    static final String WITHHELD = "欧阳明德";
    static final String LETTER = "东方白露";
    static final String PHONE = "13812345678";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    FeedbackService feedback;
    @Autowired
    AuditLog audit;

    @Test
    void aFullNameAppearsOnPublicSurfacesOnlyWhereItsAuthorConsented() {
        String clerk = accounts.create(Role.DRAFTER);
        String reviewer = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(clerk, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "署名同意", true).id());
        long article = SignedIn.as(clerk, "ROLE_DRAFTER", () -> Provision.find(drafts.tree(draftId, 0), "a12").id());
        long consented = comment(accounts.create(Role.CITIZEN), draftId, article, CONSENTED, true);
        long withheld = comment(accounts.create(Role.CITIZEN), draftId, article, WITHHELD, false);
        long letter = SignedIn.as(clerk, "ROLE_DRAFTER", () -> comments.submit(new NewComment(draftId, article,
                Stance.OPPOSE, "来信：物业费不应上涨。", null, null, null, Channel.LETTER, null,
                new NewComment.Author(LETTER, null, PHONE), false, null, null, null, null, true)).id());

        // While the consultation is open: the public list and the reading view's comments on the article.
        Map<String, String> surfaces = new LinkedHashMap<>();
        Http http = new Http(port);
        surfaces.put("public comment list API", http.get("/api/v1/drafts/" + draftId + "/comments").body());
        surfaces.put("reading view with the article's comments", readingView(draftId));

        // Closed, every comment answered, the report published: the report and the open data.
        SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            long opinion = feedback.create(draftId, "物业费", List.of(consented, withheld, letter), "manual");
            feedback.propose(opinion, Disposition.ADOPTED, "已增加公示规定。", article);
            drafts.closeNow(draftId);
            return null;
        });
        SignedIn.as(reviewer, "ROLE_DRAFTER", () -> {
            feedback.approve(feedback.opinions(draftId).get(0).id());
            feedback.publish(draftId);
            return null;
        });
        surfaces.put("public comment list API, closed", http.get("/api/v1/drafts/" + draftId + "/comments").body());
        surfaces.put("reading view, closed", readingView(draftId));
        surfaces.put("open data page", http.get("/api/v1/open-data/drafts/" + draftId + "/comments").body());
        surfaces.put("open data JSON", http.get("/api/v1/open-data/drafts/" + draftId + "/comments.json").body());
        surfaces.put("open data CSV", http.get("/api/v1/open-data/drafts/" + draftId + "/comments.csv").body());
        String report = http.get("/api/v1/drafts/" + draftId + "/report").body()
                + http.get("/api/v1/drafts/" + draftId + "/report.csv").body() + view("drafts/" + draftId + "/report");

        surfaces.forEach((where, shown) -> {
            assertThat(shown).as(where).contains("物业费");
            assertThat(shown).as(where + ": consented").contains(CONSENTED);
            assertThat(shown).as(where + ": not consented").doesNotContain(WITHHELD).doesNotContain(LETTER)
                    .doesNotContain(PHONE);
        });
        // The report answers opinions and never names anyone, consent or not.
        assertThat(report).contains("已增加公示规定").doesNotContain(CONSENTED).doesNotContain(WITHHELD)
                .doesNotContain(LETTER).doesNotContain(PHONE);
    }

    @Test
    void staffReadsOfPersonalDataAreAuditedAndTheModerationQueueShowsNone() {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(clerk, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "审计", true).id());
        long held = SignedIn.as(clerk, "ROLE_DRAFTER", () -> comments.submit(new NewComment(draftId, null,
                Stance.OPPOSE, "来信：请致电" + PHONE + "，物业公司乱收费。", null, null, null, Channel.LETTER, null,
                new NewComment.Author(LETTER, null, PHONE), false, null, null, null, null, true)).id());
        for (int i = 1; i <= 3; i++) {
            comments.report(held, "spam", "192.0.2." + i);
        }

        String staffList = new Http(port).getAs(clerk, TestAccounts.PASSWORD,
                "/api/v1/drafts/" + draftId + "/comments?status=HELD").body();
        assertThat(staffList).contains(LETTER).contains(PHONE);
        assertThat(audit.latest(5, "draft", String.valueOf(draftId))).filteredOn(e -> e.action()
                .equals("comment.read-personal")).extracting(AuditLog.Entry::actor).containsExactly(clerk);

        // Moderators judge what a comment says; the masked text is enough for that and leaves no trace to record.
        signIn(clerk, Role.DRAFTER);
        String queue = view("staff/moderation");
        assertThat(queue).contains("物业公司乱收费").doesNotContain(PHONE).doesNotContain(LETTER);
    }

    private long comment(String citizen, long draftId, long article, String name, boolean namePublic) {
        return SignedIn.as(citizen, "ROLE_CITIZEN", () -> comments.submit(new NewComment(draftId, article,
                Stance.MODIFY, "物业费应当公示。", null, null, null, null, null, new NewComment.Author(name, null, PHONE),
                namePublic, null, null, null, null, true)).id());
    }

    /** What an anonymous visitor reads on the article's page, with its comments opened. */
    private String readingView(long draftId) {
        signOut();
        String page = view("drafts/" + draftId + "/a12");
        // The article's comments button is markup inside the article; click it as the browser does.
        org.kaimen.testsupport.ReadingViewActions.click("a12", "kaimen-show-comments");
        MockVaadin.clientRoundtrip();
        StringBuilder dialogs = new StringBuilder(page);
        _find(Dialog.class).forEach(d -> dialogs.append('\n').append(d.getElement().getTextRecursively()));
        _find(Dialog.class).forEach(Dialog::close);
        return dialogs.toString();
    }

    private static String view(String path) {
        UI.getCurrent().navigate(path);
        MockVaadin.clientRoundtrip();
        var chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        return chain.get(chain.size() - 1).getElement().getTextRecursively();
    }
}
