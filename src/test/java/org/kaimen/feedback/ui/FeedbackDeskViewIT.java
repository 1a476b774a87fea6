package org.kaimen.feedback.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.testsupport.SignedIn.as;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.kaimen.feedback.Opinion;
import org.kaimen.feedback.OpinionMember;
import org.kaimen.feedback.OpinionState;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The desk as clerks use it: consolidate in the screen, propose with a reason, a second clerk approves. */
class FeedbackDeskViewIT extends KaribuSupport {

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
    long draftId;
    List<Long> feeComments = new ArrayList<>();
    long parkingComment;

    @BeforeEach
    void draftWithComments() {
        clerk = accounts.create(Role.DRAFTER);
        reviewer = accounts.create(Role.DRAFTER);
        as(clerk, "ROLE_DRAFTER");
        draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "办理台测试", true).id();
        long article12 = Provision.find(drafts.tree(draftId, 0), "a12").id();
        SecurityContextHolder.clearContext();
        feeComments.add(submit(article12, "物业费调整应当经业主大会表决，并公示成本。"));
        feeComments.add(submit(article12, "物业费涨价前必须公开收支账目。"));
        parkingComment = submit(null, "小区车位应当优先出租给业主。");
    }

    @Test
    void aClerkConsolidatesAndProposesInTheScreenAndASecondClerkApproves() {
        signIn(clerk, Role.DRAFTER);
        open(null);
        assertThat(_get(Div.class, spec -> spec.withId("desk-progress")).getElement().getTextRecursively())
                .contains("未归并3条");

        // Tick the two comments about fees among the unconsolidated ones and make an opinion of them.
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("desk-tabs"));
        tabs.setSelectedIndex(1);
        Grid<OpinionMember> loose = grid("desk-unconsolidated-grid");
        assertThat(loose.getListDataView().getItems().map(OpinionMember::commentId))
                .containsExactlyInAnyOrder(feeComments.get(0), feeComments.get(1), parkingComment);
        loose.getListDataView().getItems().filter(m -> feeComments.contains(m.commentId())).toList()
                .forEach(loose::select);
        _setValue(_get(TextField.class, spec -> spec.withId("desk-new-summary")), "物业费调整应经业主大会同意并公开成本");
        _click(_get(Button.class, spec -> spec.withId("desk-create")));

        // The new opinion is open beside the list; the unconsolidated list keeps only the rest.
        assertThat(loose.getListDataView().getItems().map(OpinionMember::commentId)).containsExactly(parkingComment);
        tabs.setSelectedIndex(0);
        Grid<Opinion> opinions = grid("desk-opinions");
        Opinion created = opinions.asSingleSelect().getValue();
        assertThat(created).isNotNull();
        assertThat(created.summary()).isEqualTo("物业费调整应经业主大会同意并公开成本");
        assertThat(created.comments()).isEqualTo(2);
        // The comments are in view while the disposition is written.
        Div members = _get(Div.class, spec -> spec.withId("desk-members"));
        assertThat(members.getElement().getTextRecursively()).contains("公示成本").contains("公开收支账目");
        assertThat(members.isVisible()).isTrue();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Disposition> disposition = _get(RadioButtonGroup.class,
                spec -> spec.withId("desk-disposition"));
        _setValue(disposition, Disposition.PARTLY_ADOPTED);
        _setValue(_get(TextArea.class, spec -> spec.withId("desk-reason")),
                "已在第十二条中增加成本公示的规定；调价表决由业主大会议事规则规定。");
        _click(_get(Button.class, spec -> spec.withId("desk-propose")));
        assertThat(opinions.asSingleSelect().getValue().state()).isEqualTo(OpinionState.PROPOSED);
        assertThat(staff(clerk, () -> feedback.reasonPhrases()))
                .contains("已在第十二条中增加成本公示的规定；调价表决由业主大会议事规则规定。");

        // The proposer may not approve their own disposition: the screen says why, in Chinese.
        _click(_get(Button.class, spec -> spec.withId("desk-approve")));
        assertThat(_get(Div.class, spec -> spec.withId("desk-error")).getText())
                .isEqualTo("须由另一名工作人员审核：处理意见是您提出的。");

        // A second clerk opens it from a link and approves with Alt+A.
        signIn(reviewer, Role.DRAFTER);
        UI.getCurrent().navigate("");
        open(created.id());
        opinions = grid("desk-opinions");
        assertThat(opinions.asSingleSelect().getValue().id()).isEqualTo(created.id());
        ShortcutsKt.fireShortcut(Key.KEY_A, KeyModifier.ALT);

        Opinion approved = opinions.getListDataView().getItems().filter(o -> o.id() == created.id()).findFirst()
                .orElseThrow();
        assertThat(approved.state()).isEqualTo(OpinionState.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo(reviewer);
        int row = opinions.getListDataView().getItems().toList().indexOf(approved);
        assertThat(GridKt._getFormatted(opinions, row, "state")).isEqualTo("已审核");
        assertThat(GridKt._getFormatted(opinions, row, "disposition")).isEqualTo("部分采纳");
        assertThat(_get(Div.class, spec -> spec.withId("desk-decided")).getText()).contains(reviewer);
    }

    @Test
    void aProposalWithoutAReasonShowsTheLocalizedErrorAndKeepsTheTypedSummary() {
        long parking = staff(clerk, () -> feedback.create(draftId, "车位", List.of(parkingComment), "manual"));
        signIn(clerk, Role.DRAFTER);
        open(parking);

        TextArea summary = _get(TextArea.class, spec -> spec.withId("desk-summary"));
        assertThat(summary.getValue()).isEqualTo("车位");
        _setValue(summary, "小区车位应当优先出租给本小区业主");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Disposition> disposition = _get(RadioButtonGroup.class,
                spec -> spec.withId("desk-disposition"));
        _setValue(disposition, Disposition.NOT_ADOPTED);
        _click(_get(Button.class, spec -> spec.withId("desk-propose")));

        Div error = _get(Div.class, spec -> spec.withId("desk-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("请填写理由：这是群众将看到的说明。");
        TextArea reason = _get(TextArea.class, spec -> spec.withId("desk-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(_get(TextArea.class, spec -> spec.withId("desk-summary")).getValue())
                .isEqualTo("小区车位应当优先出租给本小区业主");
        assertThat(disposition.getValue()).isEqualTo(Disposition.NOT_ADOPTED);
        assertThat(staff(clerk, () -> feedback.detail(parking)).opinion().state()).isNotEqualTo(OpinionState.PROPOSED);

        // With the reason it goes through, and Alt+J / Alt+K step through the list.
        _setValue(reason, "车位出租问题由第二十四条规定，维持原文。");
        _click(_get(Button.class, spec -> spec.withId("desk-propose")));
        assertThat(_find(Div.class, spec -> spec.withId("desk-error"))).allSatisfy(d ->
                assertThat(d.isVisible()).isFalse());
        assertThat(staff(clerk, () -> feedback.detail(parking)).opinion())
                .satisfies(o -> {
                    assertThat(o.state()).isEqualTo(OpinionState.PROPOSED);
                    assertThat(o.summary()).isEqualTo("小区车位应当优先出租给本小区业主");
                });
        long fees = staff(clerk, () -> feedback.create(draftId, "物业费", feeComments, "manual"));
        open(parking);
        Grid<Opinion> opinions = grid("desk-opinions");
        ShortcutsKt.fireShortcut(Key.KEY_J, KeyModifier.ALT);
        assertThat(opinions.asSingleSelect().getValue().id()).isEqualTo(fees);
        ShortcutsKt.fireShortcut(Key.KEY_K, KeyModifier.ALT);
        assertThat(opinions.asSingleSelect().getValue().id()).isEqualTo(parking);
    }

    private void open(Long opinionId) {
        Map<String, String> params = opinionId == null ? Map.of("draft", String.valueOf(draftId))
                : Map.of("draft", String.valueOf(draftId), "opinion", String.valueOf(opinionId));
        UI.getCurrent().navigate("staff/feedback", QueryParameters.simple(params));
        _get(FeedbackDeskView.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private <T> T staff(String user, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        try {
            return as(user, "ROLE_DRAFTER", action);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private long submit(Long provisionId, String text) {
        String citizen = accounts.create(Role.CITIZEN);
        return as(citizen, "ROLE_CITIZEN", () -> comments.submit(new NewComment(draftId, provisionId, Stance.MODIFY,
                text, null, null, null, null, null, null, false, null, null, null, null, true)).id());
    }
}
