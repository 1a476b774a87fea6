package org.kaimen.analysis.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.Campaign;
import org.kaimen.analysis.CampaignService;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.SearchResult;
import org.kaimen.analysis.SavedSearches;
import org.kaimen.analysis.SearchService;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.shared.web.KaimenException;

/**
 * The drafting group's search: words and phrases in Chinese with synonyms, filters with facet counts, highlighted
 * hits that open in the context of their provision, and the draft's campaigns as cards.
 */
@Route("staff/search")
@Menu(title = "nav.search", order = 25, icon = "vaadin:search")
@RolesAllowed({Role.DRAFTER_NAME, Role.ADMIN_NAME})
public class CommentSearchView extends Main implements HasDynamicTitle,
        com.vaadin.flow.router.BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final transient SearchService search;
    private final transient CampaignService campaigns;
    private final Select<DraftSummary> draft = new Select<>();
    private final TextField query = new TextField();
    private final Select<String> stance = new Select<>();
    private final Select<String> channel = new Select<>();
    private final Select<String> status = new Select<>();
    private final Select<String> sort = new Select<>();
    private final com.vaadin.flow.component.checkbox.Checkbox semantic = new com.vaadin.flow.component.checkbox.Checkbox();
    private final com.vaadin.flow.component.checkbox.Checkbox proposal = new com.vaadin.flow.component.checkbox.Checkbox();
    private final Select<String> article = new Select<>();
    private final com.vaadin.flow.component.datepicker.DatePicker from = new com.vaadin.flow.component.datepicker.DatePicker();
    private final com.vaadin.flow.component.datepicker.DatePicker to = new com.vaadin.flow.component.datepicker.DatePicker();
    private final transient DraftService drafts;
    private final transient SavedSearches savedSearches;
    private final Div results = new Div();
    private final Div facets = new Div();
    private final Div campaignCards = new Div();
    private Long campaignFilter;
    private Long clusterFilter;
    private int page;

    public CommentSearchView(SearchService search, CampaignService campaigns, DraftService drafts,
                             SavedSearches savedSearches) {
        this.savedSearches = savedSearches;
        this.search = search;
        this.campaigns = campaigns;
        this.drafts = drafts;
        addClassNames("kaimen-content", "kaimen-wide");
        draft.setLabel(getTranslation("search.draft"));
        List<DraftSummary> all = drafts.allDrafts();
        draft.setItems(all);
        draft.setItemLabelGenerator(DraftSummary::title);
        all.stream().findFirst().ifPresent(draft::setValue);
        draft.setId("search-draft");
        query.setPlaceholder(getTranslation("search.placeholder"));
        query.setAriaLabel(getTranslation("search.placeholder"));
        query.setClearButtonVisible(true);
        query.setId("search-query");
        query.addKeyPressListener(Key.ENTER, e -> run(0));
        filter(stance, "search.stance", List.of("SUPPORT", "OPPOSE", "MODIFY", "QUESTION"), "comments.stance.");
        filter(channel, "search.channel", List.of("ONLINE", "LIAISON_STATION", "LETTER", "EMAIL", "HEARING", "EXPERT"),
                "comments.channel.");
        filter(status, "search.status", List.of("PUBLISHED", "HELD", "HIDDEN"), "comments.status.");
        sort.setLabel(getTranslation("search.sort"));
        sort.setItems("RELEVANCE", "NEWEST", "OLDEST", "SUPPORTS");
        sort.setItemLabelGenerator(s -> getTranslation("search.sort." + s));
        sort.setValue("RELEVANCE");
        Button go = new Button(getTranslation("search.go"), e -> run(0));
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.setId("search-go");
        HorizontalLayout bar = new HorizontalLayout(draft, query, go);
        bar.setWidthFull();
        bar.expand(query);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        semantic.setLabel(getTranslation("search.semantic"));
        semantic.setId("search-semantic");
        semantic.addValueChangeListener(e -> run(0));
        article.setLabel(getTranslation("search.article"));
        article.setEmptySelectionAllowed(true);
        article.setEmptySelectionCaption(getTranslation("search.any"));
        article.setId("search-article");
        article.addValueChangeListener(e -> run(0));
        from.setLabel(getTranslation("search.from"));
        to.setLabel(getTranslation("search.to"));
        from.addValueChangeListener(e -> run(0));
        to.addValueChangeListener(e -> run(0));
        proposal.setLabel(getTranslation("search.has-proposal"));
        proposal.addValueChangeListener(e -> run(0));
        HorizontalLayout filters = new HorizontalLayout(article, stance, channel, status, from, to, sort, proposal,
                semantic);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        results.setId("search-results");
        facets.addClassName("kaimen-facets");
        campaignCards.setId("campaigns");
        add(new H1(getTranslation("nav.search")), savedSearchBar(), bar, filters, facets, results,
                new H2(getTranslation("search.campaigns")), campaignCards);
        draft.addValueChangeListener(e -> {
            campaignFilter = null;
            clusterFilter = null;
            loadArticles();
            run(0);
        });
        loadArticles();
        if (draft.getValue() != null) {
            run(0);
        }
    }

    /** Runs the search with the current inputs; package-private for UI tests. */
    void run(int page) {
        this.page = page;
        results.removeAll();
        facets.removeAll();
        if (draft.getValue() == null) {
            return;
        }
        try {
            SearchResult r = search.search(current(page));
            Paragraph summary = new Paragraph(getTranslation(r.totalExact() ? "search.total" : "search.total-estimate",
                    r.total(), r.tookMillis()));
            summary.setId("search-total");
            results.add(summary);
            if (clusterFilter != null) {
                Button clear = new Button(getTranslation("search.cluster-clear", clusterFilter), e -> {
                    clusterFilter = null;
                    run(0);
                });
                clear.setId("search-cluster-clear");
                clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                results.add(clear);
            }
            for (SearchResult.Hit h : r.hits()) {
                results.add(hit(h));
            }
            if ((long) (page + 1) * 20 < r.total()) {
                Button more = new Button(getTranslation("search.next"), e -> run(page + 1));
                results.add(more);
            }
            showFacets(r.facets());
        } catch (KaimenException ex) {
            Div error = new Div(getTranslation(ex.messageKey(), ex.args()));
            error.addClassNames("kaimen-notice", "kaimen-notice-error");
            results.add(error);
        }
        showCampaigns();
    }

    private Div hit(SearchResult.Hit h) {
        Div card = new Div();
        card.addClassName("kaimen-hit");
        Div meta = new Div(new Span("#" + h.id()), new Span(getTranslation("comments.stance." + h.stance())),
                new Span(getTranslation("comments.channel." + h.channel())),
                new Span(getTranslation("comments.status." + h.status())),
                new Span(h.createdAt() == null ? "" : TIME.format(h.createdAt().atZoneSameInstant(
                        ZoneId.of("Asia/Shanghai")))));
        if (h.supports() > 0) {
            meta.add(new Span(getTranslation("comments.support", h.supports())));
        }
        if (h.campaignId() != null) {
            Span c = new Span(getTranslation("search.in-campaign", h.campaignId()));
            c.getElement().getThemeList().add("badge");
            meta.add(c);
        }
        if (h.clusterId() != null) {
            Span t = new Span(getTranslation("search.in-topic", h.clusterId()));
            t.getElement().getThemeList().add("badge contrast");
            meta.add(t);
        }
        meta.addClassName("kaimen-card-meta");
        card.add(meta);
        // The highlight is HTML from the index with the text escaped and only <mark> added.
        card.add(h.highlight() != null ? new Html("<p>" + h.highlight() + "</p>") : new Paragraph(h.text()));
        if (h.articleKey() != null) {
            card.add(new Anchor("drafts/" + h.draftId() + "/" + h.articleKey(),
                    getTranslation("search.open-in-context", h.provisionLabel() == null ? "" : h.provisionLabel())));
        }
        return card;
    }

    private void showFacets(Map<String, Map<String, Long>> counts) {
        for (var facet : List.of("stance", "channel", "status")) {
            Map<String, Long> values = counts.getOrDefault(facet, Map.of());
            if (values.isEmpty()) {
                continue;
            }
            Div group = new Div(new Span(getTranslation("search." + facet) + "："));
            String prefix = "stance".equals(facet) ? "comments.stance." : "channel".equals(facet)
                    ? "comments.channel." : "comments.status.";
            values.forEach((k, v) -> group.add(new Span(getTranslation(prefix + k) + " " + v)));
            group.addClassName("kaimen-facet");
            facets.add(group);
        }
    }

    private void showCampaigns() {
        campaignCards.removeAll();
        List<Campaign> found = campaigns.campaigns(draft.getValue().id());
        if (found.isEmpty()) {
            campaignCards.add(new Paragraph(getTranslation("search.no-campaigns")));
        }
        for (Campaign c : found) {
            Div card = new Div();
            card.addClassName("kaimen-card");
            Span size = new Span(getTranslation("search.campaign-size", c.size()));
            size.getElement().getThemeList().add("badge");
            Button show = new Button(getTranslation("search.campaign-show"), e -> {
                campaignFilter = c.id();
                run(0);
            });
            show.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Div members = new Div();
            com.vaadin.flow.component.details.Details differences = new com.vaadin.flow.component.details.Details(
                    getTranslation("search.campaign-differences"), members);
            differences.addOpenedChangeListener(e -> {
                if (e.isOpened() && members.getComponentCount() == 0) {
                    for (org.kaimen.analysis.CampaignMember m : campaigns.members(draft.getValue().id(), c.id())) {
                        members.add(new Html("<p class=\"kaimen-campaign-member\"><span>#" + m.commentId() + "</span> "
                                + marked(m.text(), m.additions()) + "</p>"));
                    }
                }
            });
            card.add(new Div(size, new Span("#" + c.id())), new Paragraph(c.canonicalText()), show, differences);
            campaignCards.add(card);
        }
        if (campaignFilter != null) {
            Button clear = new Button(getTranslation("search.campaign-clear"), e -> {
                campaignFilter = null;
                run(0);
            });
            campaignCards.addComponentAsFirst(clear);
        }
    }

    /** The search the inputs describe. */
    CommentSearch current(int page) {
        return new CommentSearch(draft.getValue().id(), query.getValue(), null, article.getValue(),
                stance.getValue(), channel.getValue(), status.getValue(), from.getValue(), to.getValue(),
                proposal.getValue() ? Boolean.TRUE : null, campaignFilter, clusterFilter,
                query.isEmpty() && "RELEVANCE".equals(sort.getValue()) ? "NEWEST" : sort.getValue(), page, 20,
                semantic.getValue());
    }

    /** Puts a saved search back into the inputs and runs it. */
    void apply(CommentSearch s) {
        draft.getListDataView().getItems().filter(d -> d.id() == s.draftId()).findFirst().ifPresent(draft::setValue);
        query.setValue(s.query() == null ? "" : s.query());
        article.setValue(s.articleKey());
        stance.setValue(s.stance());
        channel.setValue(s.channel());
        status.setValue(s.status());
        from.setValue(s.from());
        to.setValue(s.to());
        proposal.setValue(Boolean.TRUE.equals(s.hasProposal()));
        semantic.setValue(s.semantic());
        campaignFilter = s.campaignId();
        clusterFilter = s.clusterId();
        run(0);
    }

    /** {@code ?draft=1&cluster=5} opens the comments of one topic (from the topics screen). */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        Long draftId = number(params.get("draft"));
        Long cluster = number(params.get("cluster"));
        if (draftId != null) {
            draft.getListDataView().getItems().filter(d -> d.id() == draftId).findFirst().ifPresent(draft::setValue);
        }
        if (cluster != null) {
            clusterFilter = cluster;
            run(0);
        }
    }

    private static Long number(List<String> values) {
        if (values == null || values.isEmpty() || !values.get(0).matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(values.get(0));
    }

    private HorizontalLayout savedSearchBar() {
        Select<SavedSearches.Saved> saved = new Select<>();
        saved.setLabel(getTranslation("search.saved"));
        saved.setItems(savedSearches.mine());
        saved.setItemLabelGenerator(SavedSearches.Saved::name);
        saved.setId("saved-searches");
        saved.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                apply(e.getValue().search());
            }
        });
        Button save = new Button(getTranslation("search.save"), e -> {
            com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog(
                    getTranslation("search.save"));
            TextField name = new TextField(getTranslation("search.saved.name"));
            name.setWidthFull();
            dialog.add(name);
            dialog.getFooter().add(new Button(getTranslation("common.cancel"), c -> dialog.close()),
                    new Button(getTranslation("common.save"), c -> {
                        try {
                            savedSearches.save(name.getValue(), current(0));
                            saved.setItems(savedSearches.mine());
                            com.vaadin.flow.component.notification.Notification.show(
                                    getTranslation("search.saved.done"));
                            dialog.close();
                        } catch (KaimenException ex) {
                            name.setInvalid(true);
                            name.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                        }
                    }));
            dialog.open();
        });
        save.setId("save-search");
        HorizontalLayout bar = new HorizontalLayout(saved, save);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    /** Articles of the selected draft's current version, for the article filter. */
    private void loadArticles() {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        if (draft.getValue() != null) {
            collect(drafts.tree(draft.getValue().id(), 0), labels);
        }
        article.setItems(new java.util.ArrayList<>(labels.keySet()));
        article.setItemLabelGenerator(k -> k == null ? getTranslation("search.any") : labels.getOrDefault(k, k));
    }

    private static void collect(List<org.kaimen.drafts.Provision> nodes, java.util.Map<String, String> out) {
        for (org.kaimen.drafts.Provision p : nodes) {
            if (p.kind() == org.kaimen.drafts.Provision.Kind.ARTICLE) {
                out.put(p.key(), p.label());
            } else if (p.kind().isHeading()) {
                collect(p.children(), out);
            }
        }
    }

    /** The text HTML-escaped, with what a member added beyond the template in {@code <mark>}. */
    static String marked(String text, List<int[]> spans) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int[] span : spans) {
            if (span[0] < at || span[1] > text.length()) {
                continue;
            }
            sb.append(escape(text.substring(at, span[0]))).append("<mark>")
                    .append(escape(text.substring(span[0], span[1]))).append("</mark>");
            at = span[1];
        }
        return sb.append(escape(text.substring(at))).toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private void filter(Select<String> select, String label, List<String> values, String prefix) {
        select.setLabel(getTranslation(label));
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("search.any"));
        select.setItemLabelGenerator(v -> v == null ? getTranslation("search.any") : getTranslation(prefix + v));
        select.addValueChangeListener(e -> run(0));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.search");
    }
}
