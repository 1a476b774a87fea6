package org.kaimen.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.ui.DraftDiffView;
import org.kaimen.drafts.ui.DraftEditView;
import org.kaimen.drafts.ui.DraftImportView;
import org.kaimen.drafts.ui.DraftListView;
import org.kaimen.drafts.ui.DraftReadingView;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.ReadingViewActions;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class DraftViewsIT extends KaribuSupport {

    @Autowired
    DraftService drafts;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    long draftId;
    String title;

    @BeforeEach
    void openDraftWithTwoVersions() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("setup", null,
                AuthorityUtils.createAuthorityList("ROLE_DRAFTER")));
        title = "界面测试条例（草案）" + java.util.UUID.randomUUID().toString().substring(0, 6);
        draftId = drafts.create(DraftSource.file("binzhou.md", Regulation.bytes(Regulation.BINZHOU)), title, true)
                .id();
        String v1 = jdbc.sql("SELECT source_text FROM draft_version WHERE draft_id = :d AND number = 1")
                .param("d", draftId).query(String.class).single();
        drafts.publishVersion(draftId, DraftSource.text(v1.replace("物业服务企业", "物业服务人")), "修改稿", "统一用语");
        SecurityContextHolder.clearContext();
    }

    @Test
    void theFrontPageListsTheOpenDraftWithItsDaysLeft() {
        UI.getCurrent().navigate("");
        _get(DraftListView.class);
        Anchor card = _get(Anchor.class, spec -> spec.withText(title));
        assertThat(card.getHref()).isEqualTo("drafts/" + draftId);
        assertThat(card.getParent().orElseThrow().getElement().getTextRecursively()).contains("还剩 30 天");
    }

    @Test
    void theReadingViewShowsEveryArticleWithADeepLinkAndCrossReferencesAsLinks() {
        UI.getCurrent().navigate("drafts/" + draftId);
        _get(DraftReadingView.class);
        assertThat(_get(H1.class, spec -> spec.withId("draft-title")).getText()).isEqualTo(title);
        List<Div> articles = _find(Div.class, spec -> spec.withClasses("kaimen-article"));
        assertThat(articles).hasSize(59);
        assertThat(articles.get(11).getId()).hasValue("a12");
        Document article12 = ReadingViewActions.markup(articles.get(11));
        Element number = article12.selectFirst("p[id=a12.p1] > a.kaimen-article-no");
        assertThat(number.text()).isEqualTo("第十二条");
        assertThat(number.attr("href")).isEqualTo("drafts/" + draftId + "/a12?version=2");
        assertThat(article12.select("p[id]").eachAttr("id")).first().isEqualTo("a12.p1");

        // 第五十五条 cites 本条例第二十一条: a link to that article.
        Element xref = ReadingViewActions.markup(articles.get(54)).selectFirst("a.kaimen-xref");
        assertThat(xref.attr("href")).isEqualTo("drafts/" + draftId + "/a21?version=2");
        assertThat(xref.text()).contains("第二十一条");
        assertThat(_get(Anchor.class, spec -> spec.withId("diff-link")).getHref())
                .isEqualTo("drafts/" + draftId + "/versions/2/diff");
    }

    @Test
    void anEarlierVersionStaysReadable() {
        UI.getCurrent().navigate("drafts/" + draftId, QueryParameters.of("version", "1"));
        Element first = ReadingViewActions.article("a1").getElementById("a1.p1");
        assertThat(first.text()).contains("物业服务企业");
        assertThat(_find(Anchor.class, spec -> spec.withId("diff-link"))).isEmpty();
    }

    @Test
    void theRedlineShowsTheChangedWording() {
        UI.getCurrent().navigate("drafts/" + draftId + "/versions/2/diff");
        _get(DraftDiffView.class);
        Div list = _get(Div.class, spec -> spec.withId("diff-list"));
        assertThat(list.getElement().getChildren()
                .filter(c -> "MODIFIED".equals(c.getAttribute("data-type"))).count()).isGreaterThan(20);
    }

    @Test
    void aDraftThatIsNotPublicIsNotFoundForVisitors() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("setup", null,
                AuthorityUtils.createAuthorityList("ROLE_DRAFTER")));
        long hidden = drafts.create(DraftSource.text(Regulation.plain(Regulation.NATIONAL)), null, false).id();
        SecurityContextHolder.clearContext();
        try {
            UI.getCurrent().navigate("drafts/" + hidden);
        } catch (AssertionError | RuntimeException notFound) {
            assertThat(notFound).hasMessageContaining("NotFound");
        }
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(DraftReadingView.class::isInstance);
    }

    @Test
    void aDrafterPastesADraftPreviewsItsStructureAndCreatesIt() {
        String drafter = accounts.create(Role.DRAFTER);
        signIn(drafter, Role.DRAFTER);
        UI.getCurrent().navigate(DraftImportView.class);
        _setValue(_get(TextArea.class, spec -> spec.withId("draft-text")), Regulation.plain(Regulation.NATIONAL));
        _click(_get(Button.class, spec -> spec.withId("import-preview")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-counts")).getText())
                .isEqualTo("7 章，0 节，67 条，108 款，35 项");
        _click(_get(Button.class, spec -> spec.withId("import-create")));
        _get(DraftEditView.class);
    }

    @Test
    void pastingSomethingThatIsNotADraftExplainsWhy() {
        String drafter = accounts.create(Role.DRAFTER);
        signIn(drafter, Role.DRAFTER);
        UI.getCurrent().navigate(DraftImportView.class);
        _setValue(_get(TextArea.class, spec -> spec.withId("draft-text")), "今天天气很好。");
        _click(_get(Button.class, spec -> spec.withId("import-preview")));
        assertThat(_get(Div.class, spec -> spec.withId("import-error")).getText()).contains("不是一部法规草案");
        assertThat(_get(Button.class, spec -> spec.withId("import-create")).isEnabled()).isFalse();
        assertThat(_get(TextArea.class, spec -> spec.withId("draft-text")).getValue())
                .as("the pasted text survives the failed check").isEqualTo("今天天气很好。");
    }
}
