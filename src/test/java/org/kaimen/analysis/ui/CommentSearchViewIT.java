package org.kaimen.analysis.ui;

import static org.kaimen.testsupport.SignedIn.as;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.SearchService;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

class CommentSearchViewIT extends KaribuSupport {

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    SearchService search;
    @Autowired
    TestAccounts accounts;

    @Test
    void aClerkSearchesAChineseWordAndSeesItHighlighted() {
        String drafter = accounts.create(Role.DRAFTER);
        as(drafter, "ROLE_DRAFTER");
        long draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "检索界面测试", true).id();
        String citizen = accounts.create(Role.CITIZEN);
        as(citizen, "ROLE_CITIZEN");
        comments.submit(new NewComment(draftId, null, Stance.OPPOSE, "电梯维修资金使用太难，需要简化程序。", null, null,
                null, null, null, null, false, null, null, null, null, true));
        as(drafter, "ROLE_DRAFTER");
        await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                .until(() -> search.search(CommentSearch.of(draftId, "维修资金")).total() == 1);

        signIn(drafter, Role.DRAFTER);
        UI.getCurrent().navigate(CommentSearchView.class);
        CommentSearchView view = _get(CommentSearchView.class);
        @SuppressWarnings("unchecked")
        Select<DraftSummary> draft = _get(Select.class, spec -> spec.withId("search-draft"));
        _setValue(draft, draft.getListDataView().getItems().filter(d -> d.id() == draftId).findFirst().orElseThrow());
        _setValue(_get(TextField.class, spec -> spec.withId("search-query")), "维修资金");
        view.run(0);

        assertThat(_get(Paragraph.class, spec -> spec.withId("search-total")).getText()).startsWith("共 1 条");
        assertThat(_find(Html.class)).anySatisfy(h -> assertThat(h.getInnerHtml()).contains("<mark>维修资金</mark>"));
    }

}
