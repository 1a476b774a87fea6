package org.kaimen.feedback.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.testsupport.SignedIn.as;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.feedback.Disposition;
import org.kaimen.feedback.FeedbackService;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The public report page: a promise and a subscription before publication, every disposition after it. */
class ReportViewIT extends KaribuSupport {

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    FeedbackService feedback;
    @Autowired
    TestAccounts accounts;

    String clerk;
    String reviewer;
    String citizen;
    long draftId;
    long article12;
    long feeComment;
    long parkingComment;

    @BeforeEach
    void draftWithComments() {
        clerk = accounts.create(Role.DRAFTER);
        reviewer = accounts.create(Role.DRAFTER);
        as(clerk, "ROLE_DRAFTER");
        draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "采纳情况页面测试", true).id();
        article12 = Provision.find(drafts.tree(draftId, 0), "a12").id();
        SecurityContextHolder.clearContext();
        citizen = accounts.create(Role.CITIZEN);
        feeComment = submit(citizen, article12, "物业费调整应当经业主大会表决，并公示成本。");
        parkingComment = submit(accounts.create(Role.CITIZEN), null, "小区车位应当优先出租给业主。");
    }

    @Test
    void beforePublicationACitizenSubscribesAndAnonymousIsAskedToSignIn() {
        signIn(citizen, Role.CITIZEN);
        open();
        assertThat(_get(H1.class, spec -> spec.withId("report-title")).getText()).contains("采纳情况页面测试");
        assertThat(_get(Div.class, spec -> spec.withId("report-pending")).getElement().getTextRecursively())
                .contains("尚未公布");
        assertThat(_find(Div.class, spec -> spec.withClasses("kaimen-report-item"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("report-subscribe")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("report-subscribed")).getText())
                .isEqualTo("公布后我们会发邮件通知您。");
        assertThat(as(citizen, "ROLE_CITIZEN", () -> feedback.subscribed(draftId))).isTrue();

        // Coming back, the page remembers the subscription.
        signIn(citizen, Role.CITIZEN);
        UI.getCurrent().navigate("");
        open();
        assertThat(_find(Button.class, spec -> spec.withId("report-subscribe"))).isEmpty();
        assertThat(_find(Paragraph.class, spec -> spec.withId("report-subscribed"))).hasSize(1);

        SecurityContextHolder.clearContext();
        UI.getCurrent().navigate("");
        open();
        assertThat(_find(Button.class, spec -> spec.withId("report-subscribe"))).isEmpty();
        assertThat(_get(Anchor.class, spec -> spec.withId("report-login")).getHref()).isEqualTo("login");
    }

    @Test
    void afterPublicationAnyoneReadsEveryOpinionWithItsDispositionAndReason() {
        long fees = staff(clerk, () -> feedback.create(draftId, "物业费调整应经业主大会同意并公开成本",
                List.of(feeComment), "manual"));
        long parking = staff(clerk, () -> feedback.create(draftId, "车位优先出租给业主", List.of(parkingComment),
                "manual"));
        staff(clerk, () -> {
            feedback.propose(fees, Disposition.ADOPTED, "已在第十二条中增加业主大会表决和成本公示的规定。", article12);
            feedback.propose(parking, Disposition.NOT_ADOPTED, "车位出租问题由第二十四条规定，维持原文。", null);
            return null;
        });
        staff(reviewer, () -> {
            feedback.approve(fees);
            feedback.approve(parking);
            return null;
        });
        staff(clerk, () -> {
            feedback.publish(draftId);
            return null;
        });

        SecurityContextHolder.clearContext();
        open();
        assertThat(_find(Div.class, spec -> spec.withId("report-pending"))).isEmpty();
        Div adopted = _get(Div.class, spec -> spec.withId("report-opinion-" + fees));
        assertThat(adopted.getElement().getTextRecursively()).contains("物业费调整应经业主大会同意并公开成本")
                .contains("采纳").contains("已在第十二条中增加业主大会表决和成本公示的规定。").contains("第十二条");
        Div refused = _get(Div.class, spec -> spec.withId("report-opinion-" + parking));
        assertThat(refused.getElement().getTextRecursively()).contains("车位优先出租给业主").contains("未采纳")
                .contains("维持原文");
        String page = _get(ReportView.class).getElement().getTextRecursively();
        assertThat(page).contains("关于草案整体的意见").doesNotContain(citizen);
        assertThat(_find(Html.class)).anySatisfy(h -> assertThat(h.getInnerHtml()).contains("<svg"));
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref))
                .contains("api/v1/drafts/" + draftId + "/report.docx", "api/v1/drafts/" + draftId + "/report.xlsx",
                        "api/v1/drafts/" + draftId + "/report.csv", "api/v1/drafts/" + draftId + "/report.pdf");
    }

    private void open() {
        UI.getCurrent().navigate("drafts/" + draftId + "/report");
        _get(ReportView.class);
    }

    private <T> T staff(String user, Supplier<T> action) {
        return as(user, "ROLE_DRAFTER", action);
    }

    private long submit(String user, Long provisionId, String text) {
        return as(user, "ROLE_CITIZEN", () -> comments.submit(new NewComment(draftId, provisionId, Stance.MODIFY, text,
                null, null, null, null, null, null, false, null, null, null, null, true)).id());
    }
}
