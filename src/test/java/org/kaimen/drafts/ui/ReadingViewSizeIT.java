package org.kaimen.drafts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.ReadingViewActions;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reading view of a 100-article draft stays small on the server and in the browser (issues #9 and #10): every
 * Vaadin element is a state node that each open UI keeps and that the browser's Flow client builds one by one. Drawn
 * with a component per span, link and button it took ~1,500; as one markup element per article it takes a tenth.
 * A structural check, not a timing one: it fails when the view grows back into thousands of elements.
 */
class ReadingViewSizeIT extends KaribuSupport {

    /** The whole UI (layout, header, table of contents, 100 articles); the text alone was ~1,500 elements. */
    static final int MAX_STATE_NODES = 400;

    @Autowired
    DraftService drafts;
    @Autowired
    TestAccounts accounts;

    @Test
    void aHundredArticleDraftStaysUnderFourHundredStateNodesWithEveryArticleAndButton() {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(clerk, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.hundredArticles()), "规模测试条例（草案）", true).id());
        signIn(accounts.create(Role.CITIZEN), Role.CITIZEN);
        UI.getCurrent().navigate("drafts/" + draftId);

        // Everything a reader needs is there: 100 articles, each with its paragraphs and its comment button.
        assertThat(_find(Div.class, spec -> spec.withClasses("kaimen-article"))).hasSize(100);
        assertThat(ReadingViewActions.article("a100").select("p[id]")).hasSize(5);
        assertThat(ReadingViewActions.article("a100").select("button.kaimen-comment-button")).hasSize(1);
        assertThat(ReadingViewActions.article("a2").select("a.kaimen-xref")).isNotEmpty();

        AtomicInteger nodes = new AtomicInteger();
        UI.getCurrent().getInternals().getStateTree().getRootNode().visitNodeTree(n -> nodes.incrementAndGet());
        long markup = _find(Div.class, spec -> spec.withClasses("kaimen-article")).stream()
                .mapToLong(d -> d.getElement().getProperty("innerHTML", "").length()).sum();
        System.out.println("Reading view of 100 articles: " + nodes.get() + " state nodes in the UI, "
                + markup + " characters of article markup");
        assertThat(nodes.get()).as("state nodes of the UI showing a 100-article draft").isLessThan(MAX_STATE_NODES);
        assertThat(_get(Div.class, spec -> spec.withId("draft-text")).getElement().getChildCount())
                .as("chapter headings and articles, one element each").isEqualTo(110);
    }

    @Test
    void twoReadersOfTheSameDraftHoldTheSameMarkupStringsNotCopies() {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(clerk, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.hundredArticles()), "共享测试条例（草案）", true).id());
        UI.getCurrent().navigate("drafts/" + draftId);
        List<String> first = articleMarkup();

        // Another reader: a new session with its own UI, which builds the view again from the database.
        tearDownVaadin();
        setUpVaadin();
        UI.getCurrent().navigate("drafts/" + draftId);
        List<String> second = articleMarkup();

        // ~49,000 characters of markup per reader otherwise, kept by every open tab (issue #9).
        assertThat(second).hasSize(100);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("article %d", i + 1).isSameAs(first.get(i));
        }
    }

    private static List<String> articleMarkup() {
        return _find(Div.class, spec -> spec.withClasses("kaimen-article")).stream()
                .map(d -> d.getElement().getProperty("innerHTML", "")).toList();
    }
}
