package org.kaimen.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.SearchService;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Script in what people write — comment text, proposed wording, names, draft titles and texts — stays text on every
 * screen that shows it, including the places that render markup on purpose (highlights, redlines, template
 * differences, charts).
 */
class XssCorpusIT extends KaribuSupport {

    static final List<String> CORPUS = List.of(
            "<script>alert('k1')</script>",
            "<img src=x onerror=alert('k2')>",
            "\"><svg onload=alert('k3')>",
            "<a href=\"javascript:alert('k4')\">点我</a>",
            "<iframe src=\"javascript:alert('k5')\"></iframe>",
            "</p><p style=\"x:expression(alert('k6'))\">",
            "&lt;script&gt;alert('k7')&lt;/script&gt;");
    static final String PAYLOAD = String.join(" ", CORPUS);

    @Autowired
    TestAccounts accounts;
    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    SearchService search;

    @Test
    void scriptInTitlesTextsCommentsAndNamesStaysInertOnEveryScreen() {
        String clerk = accounts.create(Role.DRAFTER);
        String source = Regulation.plain(Regulation.BINZHOU);
        long draftId = SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            long id = drafts.create(DraftSource.text(source), "物业条例" + CORPUS.get(1), true).id();
            drafts.publishVersion(id, DraftSource.text(source.replaceFirst("物业", "物业" + CORPUS.get(0))),
                    "修改稿" + CORPUS.get(2), CORPUS.get(3));
            return id;
        });
        long article12 = Provision.find(drafts.tree(draftId, 0), "a12").id();
        for (int i = 0; i < 4; i++) {
            String text = "物业费必须公开收支账目，" + PAYLOAD + (i == 0 ? "" : "第" + i + "封");
            SignedIn.as(clerk, "ROLE_DRAFTER", () -> comments.submit(new NewComment(draftId, article12,
                    Stance.MODIFY, text, "物业费" + CORPUS.get(1), null, null, Channel.LETTER, null,
                    new NewComment.Author(CORPUS.get(0) + "王", null, null), true, null, null, null, null, true)));
        }
        // Comments unlike each other show one by one with highlights; the copies above form a campaign card.
        List<Provision> articles = drafts.tree(draftId, 0).stream()
                .filter(p -> p.kind() == Provision.Kind.ARTICLE && p.fullText().length() > 60).limit(3).toList();
        for (Provision article : articles) {
            String text = article.fullText() + "物业费" + PAYLOAD;
            SignedIn.as(clerk, "ROLE_DRAFTER", () -> comments.submit(new NewComment(draftId, article.id(),
                    Stance.QUESTION, text, null, null, null, Channel.EMAIL, null, null, false, null, null, null, null,
                    true)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> SignedIn.as(clerk, "ROLE_DRAFTER", () -> search.search(
                new CommentSearch(draftId, "物业费", null, null, null, null, null, null, null, null, null, null, null,
                        0, 20)).total()) == 4 + articles.size());

        signIn(clerk, Role.DRAFTER);
        List<String> found = new ArrayList<>();
        for (String path : List.of("", "drafts/" + draftId, "drafts/" + draftId + "/a12",
                "drafts/" + draftId + "/versions/2/diff", "drafts/" + draftId + "/report",
                "staff/drafts", "staff/drafts/" + draftId, "staff/moderation", "staff/topics",
                "staff/feedback?draft=" + draftId)) {
            go(path);
            found.addAll(scriptIn(page(), path, new StringBuilder()));
        }

        go("staff/search?draft=" + draftId);
        _setValue(_get(TextField.class, spec -> spec.withId("search-query")), "物业费");
        _click(_get(Button.class, spec -> spec.withId("search-go")));
        StringBuilder highlights = new StringBuilder();
        found.addAll(scriptIn(page(), "staff/search", highlights));
        // The highlights rendered the payload: as text.
        assertThat(highlights).contains("alert('k2')").contains("<script>alert('k1')</script>");

        var campaigns = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("campaigns"));
        _find(campaigns, Details.class).forEach(d -> {
            d.setOpened(true);
            com.vaadin.flow.component.ComponentUtil.fireEvent(d, new Details.OpenedChangeEvent(d, true));
        });
        StringBuilder differences = new StringBuilder();
        found.addAll(scriptIn(campaigns.getElement(), "staff/search campaign", differences));
        assertThat(differences).contains("alert('k2')");

        assertThat(found).isEmpty();
    }

    /** The outermost layout of what the router shows: the UI's own element keeps its content as a virtual child. */
    private static Element page() {
        var chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        return chain.get(chain.size() - 1).getElement();
    }

    private static void go(String path) {
        int q = path.indexOf('?');
        if (q < 0) {
            UI.getCurrent().navigate(path);
        } else {
            UI.getCurrent().navigate(path.substring(0, q),
                    com.vaadin.flow.router.QueryParameters.fromString(path.substring(q + 1)));
        }
    }

    /**
     * Elements, attributes or raw markup that a browser would run. Markup set on purpose (innerHTML) is parsed as a
     * browser would and its text collected into {@code markupText}.
     */
    private static List<String> scriptIn(Element root, String where, StringBuilder markupText) {
        List<String> out = new ArrayList<>();
        walk(root, e -> {
            check(e.getTag(), e.getAttributeNames().toList(), e::getAttribute, where, out);
            Object inner = e.getPropertyRaw("innerHTML");
            if (inner != null) {
                Document parsed = Jsoup.parseBodyFragment(String.valueOf(inner));
                markupText.append(parsed.body().text()).append('\n');
                for (org.jsoup.nodes.Element x : parsed.body().getAllElements()) {
                    check(x.tagName(), x.attributes().asList().stream().map(Attribute::getKey).toList(), x::attr,
                            where + " (markup)", out);
                }
            }
        });
        return out;
    }

    private static void check(String tag, List<String> attributes, java.util.function.Function<String, String> value,
                              String where, List<String> out) {
        String t = tag.toLowerCase(Locale.ROOT);
        if (t.equals("script") || t.equals("iframe") || t.equals("img") && attributes.contains("onerror")) {
            out.add(where + ": <" + t + ">");
        }
        for (String a : attributes) {
            String v = String.valueOf(value.apply(a)).toLowerCase(Locale.ROOT);
            if (a.toLowerCase(Locale.ROOT).startsWith("on") || v.contains("javascript:") || v.contains("expression(")) {
                out.add(where + ": " + t + " " + a + "=" + v);
            }
        }
    }

    private static void walk(Element e, java.util.function.Consumer<Element> visit) {
        if (e.isTextNode()) {
            return;
        }
        visit.accept(e);
        e.getChildren().forEach(c -> walk(c, visit));
    }
}
