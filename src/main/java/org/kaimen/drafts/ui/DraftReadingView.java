package org.kaimen.drafts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import java.util.List;
import java.util.Map;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.DraftVersionInfo;
import org.kaimen.drafts.Provision;
import org.kaimen.drafts.ProvisionActions;
import org.kaimen.drafts.ProvisionActivity;
import org.kaimen.drafts.internal.parsing.CrossReference;
import org.kaimen.drafts.internal.parsing.CrossReferences;
import org.kaimen.shared.web.KaimenException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The public reading view: the draft's text by chapter with a table of contents, a link for every provision
 * (/drafts/7/a12.p2 scrolls to 第十二条第二款), cross references as links, a quiet mark of how much each article is
 * discussed, earlier versions, and a print layout.
 */
@Route("drafts/:draftId(\\d+)/:key?")
@AnonymousAllowed
public class DraftReadingView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /*
     * The event data of a click on a button beside an article (see ProvisionActions): which action, which article,
     * and the reader's selection inside that article as "key\ntext" (or null); the filter keeps other clicks in the
     * text (links, selecting) in the browser. Public for tests that fire the event as the browser would send it.
     */
    public static final String EVENT_FILTER = "event.target.closest('button[data-action]') !== null";
    public static final String EVENT_ACTION = "event.target.closest('button[data-action]').dataset.action";
    public static final String EVENT_ARTICLE = "event.target.closest('.kaimen-article')?.id";
    public static final String EVENT_SELECTION = """
            (() => { const s = window.getSelection();
              if (!s || s.isCollapsed || !s.anchorNode) return null;
              const n = s.anchorNode.nodeType === 1 ? s.anchorNode : s.anchorNode.parentElement;
              const p = n && n.closest('p[id]');
              const art = event.target.closest('.kaimen-article');
              return p && art && art.contains(p) ? p.id + '\\n' + s.toString() : null; })()""";

    private final transient DraftService drafts;
    private final transient ObjectProvider<ProvisionActivity> activity;
    private final transient ObjectProvider<ProvisionActions> actions;
    private DraftSummary current;
    private String title = "";
    private long draftId;
    private int version;

    public DraftReadingView(DraftService drafts, ObjectProvider<ProvisionActivity> activity,
                            ObjectProvider<ProvisionActions> actions) {
        this.drafts = drafts;
        this.activity = activity;
        this.actions = actions;
        addClassNames("kaimen-content", "kaimen-reading");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        draftId = Long.parseLong(event.getRouteParameters().get("draftId").orElseThrow());
        String key = event.getRouteParameters().get("key").orElse(null);
        int requested = event.getLocation().getQueryParameters().getSingleParameter("version")
                .filter(v -> v.matches("\\d{1,4}")).map(Integer::parseInt).orElse(0);
        DraftSummary draft;
        try {
            draft = drafts.get(draftId);
        } catch (KaimenException notFound) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        List<DraftVersionInfo> versions = drafts.versions(draftId);
        version = requested > 0 && requested <= draft.currentVersion() ? requested : draft.currentVersion();
        DraftVersionInfo shown = versions.stream().filter(v -> v.number() == version).findFirst().orElseThrow();
        List<Provision> tree = drafts.tree(draftId, version);
        title = draft.title();
        current = draft;
        add(header(draft, versions, shown));
        actions.stream().findFirst().flatMap(a -> a.forDraft(draft, version)).ifPresent(this::add);
        Div layout = new Div(toc(tree), body(tree, version == draft.currentVersion()
                ? activity.stream().findFirst().map(a -> a.commentCountsByArticle(draftId)).orElse(Map.of())
                : Map.of()));
        layout.addClassName("kaimen-reading-layout");
        add(layout);
        if (key != null) {
            getElement().executeJs("""
                    requestAnimationFrame(() => { const el = document.getElementById($0);
                      if (el) { el.classList.add('kaimen-target'); el.scrollIntoView({block: 'start'});
                                el.setAttribute('tabindex', '-1'); el.focus({preventScroll: true}); } })""", key);
        }
    }

    private Component header(DraftSummary draft, List<DraftVersionInfo> versions, DraftVersionInfo shown) {
        H1 heading = new H1(draft.title());
        heading.setId("draft-title");
        Div meta = new Div(DraftFormat.badge(this, draft.state()), new Span(DraftFormat.period(this, draft)));
        meta.addClassName("kaimen-card-meta");
        Div header = new Div(heading, meta);
        header.addClassName("kaimen-draft-header");

        Select<DraftVersionInfo> versionSelect = new Select<>();
        versionSelect.setId("version-select");
        versionSelect.setLabel(getTranslation("drafts.version"));
        versionSelect.setWidth("19rem");
        versionSelect.setItems(versions);
        versionSelect.setItemLabelGenerator(v -> getTranslation("drafts.version.item", v.number(), v.label(),
                DraftFormat.date(v.publishedAt())));
        versionSelect.setValue(shown);
        versionSelect.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate("drafts/" + draftId,
                        QueryParameters.of("version", String.valueOf(e.getValue().number()))));
            }
        });
        Button print = new Button(getTranslation("drafts.print"), VaadinIcon.PRINT.create(),
                e -> getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div tools = new Div(versionSelect, print);
        tools.addClassName("kaimen-draft-tools");
        if (shown.number() > 1) {
            Anchor diff = new Anchor("drafts/" + draftId + "/versions/" + shown.number() + "/diff",
                    getTranslation("drafts.diff.link", shown.number() - 1));
            diff.setId("diff-link");
            tools.add(diff);
        }
        if (draft.state() == org.kaimen.drafts.DraftState.CLOSED || draft.state() == org.kaimen.drafts.DraftState.ADOPTED) {
            // After the period: how the comments were handled (the page says so if it is not published yet).
            Anchor report = new Anchor("drafts/" + draftId + "/report", getTranslation("drafts.report-link"));
            report.setId("report-link");
            tools.add(report);
        }
        header.add(tools);
        if (!shown.preamble().isBlank()) {
            Markup lines = new Markup();
            for (String line : shown.preamble().split("\n")) {
                lines.open("p").text(line).close("p");
            }
            Div preamble = lines.into(new Div());
            preamble.addClassName("kaimen-preamble");
            header.add(preamble);
        }
        if (!shown.explanation().isBlank()) {
            Details explanation = new Details(getTranslation(shown.number() == 1 ? "drafts.explanation.first"
                    : "drafts.explanation.later"), new Paragraph(shown.explanation()));
            explanation.addClassName("kaimen-explanation");
            header.add(explanation);
        }
        return header;
    }

    private Component toc(List<Provision> tree) {
        Nav nav = new Nav();
        nav.addClassName("kaimen-toc");
        nav.getElement().setAttribute("aria-label", getTranslation("drafts.toc"));
        Markup links = new Markup();
        for (Provision p : tree) {
            if (p.kind().isHeading()) {
                links.link(link(p.key()), null, p.label() + " " + p.heading());
            }
        }
        if (links.isEmpty()) {
            return new Div();
        }
        Details details = new Details(getTranslation("drafts.toc"), links.into(new Div()));
        details.setOpened(true);
        nav.add(details);
        return nav;
    }

    private Component body(List<Provision> tree, Map<String, Integer> heat) {
        Div body = new Div();
        body.addClassName("kaimen-text");
        body.setId("draft-text");
        render(body, tree, heat);
        // One listener for the buttons beside every article (they are plain buttons inside each article's markup).
        body.getElement().addEventListener("click", e -> {
            JsonObject data = e.getEventData();
            String selected = string(data, EVENT_SELECTION);
            int newline = selected == null ? -1 : selected.indexOf('\n');
            perform(string(data, EVENT_ACTION), string(data, EVENT_ARTICLE), newline < 0 ? null
                    : new ProvisionActions.Selection(selected.substring(0, newline), selected.substring(newline + 1)));
        }).setFilter(EVENT_FILTER)
                .addEventData(EVENT_ACTION).addEventData(EVENT_ARTICLE).addEventData(EVENT_SELECTION);
        return body;
    }

    /** A reader activated the button {@code action} beside the article {@code articleKey} (both from the browser). */
    private void perform(String action, String articleKey, ProvisionActions.Selection selection) {
        if (action == null || articleKey == null || current == null) {
            return;
        }
        Provision article = Provision.find(drafts.tree(draftId, version), articleKey);
        if (article == null || article.kind() != Provision.Kind.ARTICLE) {
            return;
        }
        boolean inArticle = selection != null && (selection.provisionKey().equals(articleKey)
                || selection.provisionKey().startsWith(articleKey + "."));
        // The draft as it is now: its period may have ended since the page was drawn.
        DraftSummary now;
        try {
            now = drafts.get(draftId);
        } catch (KaimenException gone) {
            return;
        }
        actions.stream().findFirst().ifPresent(a -> a.perform(action, now, article, version,
                inArticle ? selection : null));
    }

    private static String string(JsonObject data, String key) {
        return data.hasKey(key) && data.get(key).getType() == JsonType.STRING ? data.getString(key) : null;
    }

    private void render(HasComponents parent, List<Provision> nodes, Map<String, Integer> heat) {
        for (Provision p : nodes) {
            switch (p.kind()) {
                case PART, CHAPTER -> {
                    H2 h = new H2(p.label() + "　" + p.heading());
                    h.setId(p.key());
                    parent.add(h);
                    render(parent, p.children(), heat);
                }
                case SECTION -> {
                    H3 h = new H3(p.label() + "　" + p.heading());
                    h.setId(p.key());
                    parent.add(h);
                    render(parent, p.children(), heat);
                }
                case ARTICLE -> parent.add(article(p, heat.getOrDefault(p.key(), 0)));
                default -> {
                    Paragraph paragraph = new Paragraph(p.displayText());
                    paragraph.setId(p.key());
                    parent.add(paragraph);
                }
            }
        }
    }

    /**
     * One article as one element: its paragraphs and items (each a {@code <p>} with its key as id, so deep links and
     * the highlight find them), the article number as a link, the heat mark, cross references as links and the
     * actions beside it as plain buttons, all from escaped text. A component per piece would make ~15 elements per
     * article that the browser builds one by one and every open UI keeps on the server.
     */
    private Component article(Provision article, int comments) {
        Markup html = new Markup();
        boolean first = true;
        for (Provision child : article.children()) {
            paragraph(html, child, article, child.number(), first ? comments : -1, null);
            first = false;
            for (Provision grandChild : child.children()) {
                items(html, grandChild, article, child.number());
            }
        }
        if (article.children().isEmpty()) {
            html.open("p");
            articleNumber(html, article);
            html.close("p");
        }
        List<ProvisionActions.ArticleAction> offered = actions.stream().findFirst()
                .map(a -> a.forArticle(current, article, version, comments)).orElse(List.of());
        if (!offered.isEmpty()) {
            html.open("div", "class", "kaimen-article-actions");
            for (ProvisionActions.ArticleAction action : offered) {
                if (action.href() != null) {
                    html.link(action.href(), action.className(), action.text());
                } else {
                    html.button(action.name(), action.className(), action.ariaLabel(), action.text());
                }
            }
            html.close("div");
        }
        Div div = html.into(new Div());
        div.addClassName("kaimen-article");
        div.setId(article.key());
        return div;
    }

    private void items(Markup html, Provision item, Provision article, int paragraphNumber) {
        paragraph(html, item, article, paragraphNumber, -1,
                item.kind() == Provision.Kind.ITEM ? "kaimen-item" : "kaimen-subitem");
        for (Provision sub : item.children()) {
            items(html, sub, article, paragraphNumber);
        }
    }

    /**
     * A paragraph's text with its cross references (本条例第十一条第（五）项) turned into links; the first paragraph
     * of an article ({@code comments} ≥ 0) starts with the article number and ends with the heat mark.
     */
    private void paragraph(Markup html, Provision provision, Provision article, int paragraphNumber, int comments,
                           String className) {
        html.open("p", "id", provision.key(), "class", className);
        if (comments >= 0) {
            articleNumber(html, article);
        }
        String text = provision.displayText();
        int at = 0;
        for (CrossReference ref : article.number() > 0 ? CrossReferences.find(text, article.number(), paragraphNumber)
                : List.<CrossReference>of()) {
            if (ref.start() < at || ref.end() > text.length()) {
                continue;
            }
            html.text(text.substring(at, ref.start()));
            html.link(link(ref.targetKey()), "kaimen-xref", text.substring(ref.start(), ref.end()));
            at = ref.end();
        }
        html.text(text.substring(at));
        if (comments > 0) {
            String heat = getTranslation("drafts.heat", comments);
            html.open("span", "class", "kaimen-heat", "title", heat, "aria-label", heat,
                    "style", "--kaimen-heat: " + Math.min(1.0, comments / 50.0)).text(String.valueOf(comments))
                    .close("span");
        }
        html.close("p");
    }

    private void articleNumber(Markup html, Provision article) {
        html.link(link(article.key()), "kaimen-article-no", article.label());
    }

    /** The reading view's address of a provision in the version shown. */
    private String link(String key) {
        return "drafts/" + draftId + "/" + key + versionQuery();
    }

    private String versionQuery() {
        return "?version=" + version;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
