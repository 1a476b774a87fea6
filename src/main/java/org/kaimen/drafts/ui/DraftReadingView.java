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
            Div preamble = new Div();
            preamble.addClassName("kaimen-preamble");
            for (String line : shown.preamble().split("\n")) {
                preamble.add(new Paragraph(line));
            }
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
        Div list = new Div();
        for (Provision p : tree) {
            if (p.kind().isHeading()) {
                Anchor a = new Anchor("drafts/" + draftId + "/" + p.key() + versionQuery(),
                        p.label() + " " + p.heading());
                list.add(a);
            }
        }
        if (list.getComponentCount() == 0) {
            return new Div();
        }
        Details details = new Details(getTranslation("drafts.toc"), list);
        details.setOpened(true);
        nav.add(details);
        return nav;
    }

    private Component body(List<Provision> tree, Map<String, Integer> heat) {
        Div body = new Div();
        body.addClassName("kaimen-text");
        body.setId("draft-text");
        render(body, tree, heat);
        return body;
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
                default -> parent.add(paragraph(p, 0, 0));
            }
        }
    }

    private Component article(Provision article, int comments) {
        Div div = new Div();
        div.addClassName("kaimen-article");
        div.setId(article.key());
        Anchor number = new Anchor("drafts/" + draftId + "/" + article.key() + versionQuery(), article.label());
        number.addClassName("kaimen-article-no");
        boolean first = true;
        for (Provision child : article.children()) {
            Paragraph p = paragraph(child, article.number(), child.number());
            if (first) {
                p.addComponentAsFirst(number);
                if (comments > 0) {
                    Span mark = new Span(String.valueOf(comments));
                    mark.addClassName("kaimen-heat");
                    mark.getElement().setAttribute("title", getTranslation("drafts.heat", comments));
                    mark.getElement().setAttribute("aria-label", getTranslation("drafts.heat", comments));
                    mark.getStyle().set("--kaimen-heat", String.valueOf(Math.min(1.0, comments / 50.0)));
                    p.add(mark);
                }
                first = false;
            }
            div.add(p);
            for (Provision grandChild : child.children()) {
                addItems(div, grandChild, article.number(), child.number());
            }
        }
        if (article.children().isEmpty()) {
            div.add(new Paragraph(number));
        }
        actions.stream().findFirst().flatMap(a -> a.forArticle(current, article, version, comments))
                .ifPresent(div::add);
        return div;
    }

    private void addItems(Div div, Provision item, int articleNumber, int paragraphNumber) {
        Paragraph p = paragraph(item, articleNumber, paragraphNumber);
        p.addClassName(item.kind() == Provision.Kind.ITEM ? "kaimen-item" : "kaimen-subitem");
        div.add(p);
        for (Provision sub : item.children()) {
            addItems(div, sub, articleNumber, paragraphNumber);
        }
    }

    /** A paragraph's text with its cross references (本条例第十一条第（五）项) turned into links. */
    private Paragraph paragraph(Provision provision, int articleNumber, int paragraphNumber) {
        Paragraph p = new Paragraph();
        p.setId(provision.key());
        String text = provision.displayText();
        int at = 0;
        for (CrossReference ref : articleNumber > 0 ? CrossReferences.find(text, articleNumber, paragraphNumber)
                : List.<CrossReference>of()) {
            if (ref.start() < at || ref.end() > text.length()) {
                continue;
            }
            if (ref.start() > at) {
                p.add(new Span(text.substring(at, ref.start())));
            }
            Anchor link = new Anchor("drafts/" + draftId + "/" + ref.targetKey() + versionQuery(),
                    text.substring(ref.start(), ref.end()));
            link.addClassName("kaimen-xref");
            p.add(link);
            at = ref.end();
        }
        if (at < text.length()) {
            p.add(new Span(text.substring(at)));
        }
        return p;
    }

    private String versionQuery() {
        return "?version=" + version;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
