package org.kaimen.comments.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.Mails;
import org.kaimen.testsupport.ReadingViewActions;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class CommentFormIT extends KaribuSupport {

    @Autowired
    DraftService drafts;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    long draftId;
    String citizen;

    @BeforeEach
    void openDraftAndSignIn() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("setup", null,
                AuthorityUtils.createAuthorityList("ROLE_DRAFTER")));
        draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "表单测试条例（草案）", true)
                .id();
        SecurityContextHolder.clearContext();
        citizen = accounts.create(Role.CITIZEN);
        signIn(citizen, Role.CITIZEN);
    }

    @Test
    void aCitizenCommentsOnAParagraphAndSeesTheReceiptThenFindsItUnderMyComments() {
        UI.getCurrent().navigate("drafts/" + draftId);
        ReadingViewActions.click("a12", "kaimen-comment-button");

        CommentDialog dialog = _get(CommentDialog.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Stance> stance = _get(dialog, RadioButtonGroup.class, spec -> spec.withId("comment-stance"));
        _setValue(stance, Stance.MODIFY);
        _setValue(_get(dialog, TextArea.class, spec -> spec.withId("comment-text")),
                "业主委员会不履行召集义务时，应当规定期限。");
        _setValue(_get(dialog, TextArea.class, spec -> spec.withId("comment-proposed")),
                "业主委员会应当在十五日内召集业主大会会议。");
        _setValue(_get(dialog, Checkbox.class, spec -> spec.withId("comment-consent")), true);
        _click(_get(dialog, Button.class, spec -> spec.withId("comment-submit")));

        String receipt = _get(dialog, Span.class, spec -> spec.withId("comment-receipt-number")).getText();
        assertThat(receipt).startsWith("D" + draftId + "-");
        assertThat(jdbc.sql("SELECT proposed_text FROM comment WHERE receipt = :r").param("r", receipt)
                .query(String.class).single()).isEqualTo("业主委员会应当在十五日内召集业主大会会议。");
        assertThat(Mails.subject(Mails.awaitOne(citizen + "@example.org"))).contains(receipt);

        UI.getCurrent().navigate("my-comments");
        Div mine = _get(Div.class, spec -> spec.withId("my-comments"));
        assertThat(mine.getElement().getTextRecursively()).contains(receipt).contains("表单测试条例（草案）")
                .contains("第十二条").contains("建议修改");
    }

    @Test
    void aFailedSubmitKeepsEverythingTheCitizenTyped() {
        UI.getCurrent().navigate("drafts/" + draftId);
        ReadingViewActions.click("a3", "kaimen-comment-button");
        CommentDialog dialog = _get(CommentDialog.class);
        TextArea text = _get(dialog, TextArea.class, spec -> spec.withId("comment-text"));
        _setValue(text, "一段很长的意见，还没有选择态度。");
        _click(_get(dialog, Button.class, spec -> spec.withId("comment-submit")));

        assertThat(_get(dialog, Div.class, spec -> spec.withId("comment-error")).getText()).contains("请选择您的态度");
        assertThat(text.getValue()).isEqualTo("一段很长的意见，还没有选择态度。");
        assertThat(_get(dialog, Button.class, spec -> spec.withId("comment-submit")).isEnabled()).isTrue();
        assertThat(_find(dialog, Span.class, spec -> spec.withId("comment-receipt-number"))).isEmpty();
    }

    @Test
    void aDoubleClickSubmitsOnce() {
        UI.getCurrent().navigate("drafts/" + draftId);
        ReadingViewActions.click("a5", "kaimen-comment-button");
        CommentDialog dialog = _get(CommentDialog.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Stance> stance = _get(dialog, RadioButtonGroup.class, spec -> spec.withId("comment-stance"));
        _setValue(stance, Stance.SUPPORT);
        _setValue(_get(dialog, TextArea.class, spec -> spec.withId("comment-text")), "支持第五条。");
        _setValue(_get(dialog, Checkbox.class, spec -> spec.withId("comment-consent")), true);
        dialog.send(null);
        dialog.send(null);
        assertThat(jdbc.sql("SELECT count(*) FROM comment WHERE draft_id = :d AND text = '支持第五条。'")
                .param("d", draftId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void textTheCitizenSelectedInAParagraphBecomesTheQuoteAndTheTarget() {
        UI.getCurrent().navigate("drafts/" + draftId);
        String second = ReadingViewActions.article("a12").getElementById("a12.p2").text();
        String selected = second.substring(2, 12);
        ReadingViewActions.click("a12", "kaimen-comment-button", "a12.p2\n" + selected);

        CommentDialog dialog = _get(CommentDialog.class);
        @SuppressWarnings("unchecked")
        Select<Provision> target = _get(dialog, Select.class, spec -> spec.withId("comment-target"));
        assertThat(target.getValue().key()).isEqualTo("a12.p2");
        assertThat(_get(dialog, Div.class, spec -> spec.withId("comment-quote")).getElement().getTextRecursively())
                .contains("“" + selected + "”");
    }

    @Test
    void aClickEventNamingNoOfferedActionOrAnotherArticlesSelectionOpensNothingOdd() {
        UI.getCurrent().navigate("drafts/" + draftId);
        ReadingViewActions.fire("moderate", "a12", null);
        ReadingViewActions.fire("comment", "a12.p1", null);
        ReadingViewActions.fire("comment", "a999", null);
        assertThat(_find(CommentDialog.class)).isEmpty();

        // A selection in another article is not this comment's quote.
        ReadingViewActions.fire("comment", "a12", "a13.p1\n物业");
        CommentDialog dialog = _get(CommentDialog.class);
        @SuppressWarnings("unchecked")
        Select<Provision> target = _get(dialog, Select.class, spec -> spec.withId("comment-target"));
        assertThat(target.getValue().key()).isEqualTo("a12");
    }

    @Test
    void visitorsAreAskedToSignInWhereTheDraftDoesNotAllowAnonymousComments() {
        SecurityContextHolder.clearContext();
        UI.getCurrent().navigate("drafts/" + draftId);
        var logins = ReadingViewActions.article("a1").select("a.kaimen-comment-login");
        assertThat(logins).hasSize(1);
        assertThat(logins.get(0).attr("href")).isEqualTo("login");
        assertThat(ReadingViewActions.article("a1").select("button")).isEmpty();
    }
}
