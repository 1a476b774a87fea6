package org.kaimen.analysis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.NovelComment;
import org.kaimen.analysis.TopicCluster;
import org.kaimen.analysis.TopicRun;
import org.kaimen.analysis.TopicService;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.shared.web.KaimenException;

/**
 * Topics of a draft's comments for the drafting group: what people write about, in how many comments, with the
 * clerk's tools to rename, merge, split and freeze topics, and the queue of comments unlike any topic.
 */
@Route("staff/topics")
@Menu(title = "nav.topics", order = 26, icon = "vaadin:cluster")
@RolesAllowed({Role.DRAFTER_NAME, Role.ADMIN_NAME})
public class TopicsView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int EXAMPLES = 3;

    private final transient TopicService topics;
    private final transient DraftService drafts;
    private final Select<DraftSummary> draft = new Select<>();
    private final Select<String> scope = new Select<>();
    private final Paragraph runInfo = new Paragraph();
    private final Div clusterList = new Div();
    private final Div novelList = new Div();
    private final Checkbox showSeen = new Checkbox();
    private final Button merge = new Button();
    private final Set<Long> selected = new LinkedHashSet<>();

    public TopicsView(TopicService topics, DraftService drafts) {
        this.topics = topics;
        this.drafts = drafts;
        addClassNames("kaimen-content", "kaimen-wide");
        draft.setLabel(getTranslation("search.draft"));
        List<DraftSummary> all = drafts.allDrafts();
        draft.setItems(all);
        draft.setItemLabelGenerator(DraftSummary::title);
        draft.setId("topics-draft");
        scope.setLabel(getTranslation("topics.scope"));
        scope.setId("topics-scope");
        Button recompute = new Button(getTranslation("topics.recompute"), e -> recompute());
        recompute.setId("topics-recompute");
        merge.setText(getTranslation("topics.merge"));
        merge.setId("topics-merge");
        merge.setEnabled(false);
        merge.addClickListener(e -> mergeSelected());
        HorizontalLayout bar = new HorizontalLayout(draft, scope, recompute, merge);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        runInfo.setId("topics-run");
        runInfo.addClassName("kaimen-muted");
        clusterList.setId("topics-list");
        clusterList.addClassName("kaimen-stack");
        novelList.setId("novel-list");
        novelList.addClassName("kaimen-stack");
        showSeen.setLabel(getTranslation("topics.novel.show-seen"));
        showSeen.addValueChangeListener(e -> showNovel());
        TabSheet tabs = new TabSheet();
        tabs.add(getTranslation("topics.tab.clusters"), clusterList);
        tabs.add(getTranslation("topics.tab.novel"), new Div(new Paragraph(getTranslation("topics.novel.intro")),
                showSeen, novelList));
        tabs.setWidthFull();
        add(new H1(getTranslation("nav.topics")), bar, runInfo, tabs);
        draft.addValueChangeListener(e -> {
            loadScopes();
            refresh();
        });
        scope.addValueChangeListener(e -> showClusters());
        all.stream().findFirst().ifPresent(draft::setValue);
    }

    private void loadScopes() {
        List<String> scopes = new ArrayList<>();
        scopes.add(TopicCluster.DRAFT_SCOPE);
        if (draft.getValue() != null) {
            topics.runs(draft.getValue().id()).stream().map(TopicRun::scope)
                    .filter(s -> !TopicCluster.DRAFT_SCOPE.equals(s))
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).forEach(scopes::add);
        }
        scope.setItems(scopes);
        scope.setItemLabelGenerator(s -> TopicCluster.DRAFT_SCOPE.equals(s) ? getTranslation("topics.scope.draft")
                : getTranslation("topics.scope.article", number(s)));
        scope.setValue(TopicCluster.DRAFT_SCOPE);
    }

    private void refresh() {
        showClusters();
        showNovel();
    }

    /** Package-private for UI tests. */
    void showClusters() {
        clusterList.removeAll();
        selected.clear();
        merge.setEnabled(false);
        if (draft.getValue() == null || scope.getValue() == null) {
            return;
        }
        long draftId = draft.getValue().id();
        TopicRun run = topics.runs(draftId).stream().filter(r -> r.scope().equals(scope.getValue())).findFirst()
                .orElse(null);
        runInfo.setText(run == null ? getTranslation("topics.never")
                : getTranslation("topics.run", TIME.format(run.computedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))),
                run.comments(), run.millis()));
        List<TopicCluster> clusters = topics.clusters(draftId, scope.getValue());
        if (clusters.isEmpty()) {
            clusterList.add(new Paragraph(getTranslation("topics.none")));
        }
        for (TopicCluster c : clusters) {
            clusterList.add(card(c));
        }
        int unclustered = topics.unclustered(draftId, scope.getValue()).size();
        if (unclustered > 0) {
            Paragraph p = new Paragraph(getTranslation("topics.unclustered-count", unclustered));
            p.setId("topics-unclustered");
            clusterList.add(p);
        }
    }

    private Div card(TopicCluster c) {
        Div card = new Div();
        card.addClassName("kaimen-card");
        card.setId("topic-" + c.id());
        Checkbox pick = new Checkbox();
        pick.setAriaLabel(getTranslation("topics.select", c.label()));
        pick.addValueChangeListener(e -> {
            if (e.getValue()) {
                selected.add(c.id());
            } else {
                selected.remove(c.id());
            }
            merge.setEnabled(selected.size() >= 2);
        });
        H3 title = new H3(c.label());
        title.addClassName("kaimen-topic-title");
        Span size = new Span(getTranslation("topics.size", c.size()));
        size.getElement().getThemeList().add("badge");
        HorizontalLayout head = new HorizontalLayout(pick, title, size);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (c.frozen()) {
            Span frozen = new Span(getTranslation("topics.frozen"));
            frozen.getElement().getThemeList().add("badge contrast");
            head.add(frozen);
        }
        card.add(head);
        if (!c.keywords().isEmpty()) {
            card.add(new Paragraph(getTranslation("topics.keywords", String.join("、", c.keywords()))));
        }
        for (String example : topics.examples(c, EXAMPLES)) {
            Paragraph p = new Paragraph(example.length() > 140 ? example.substring(0, 140) + "…" : example);
            p.addClassName("kaimen-topic-example");
            card.add(p);
        }
        Button rename = new Button(getTranslation("topics.rename"), e -> rename(c));
        Button freeze = new Button(getTranslation(c.frozen() ? "topics.unfreeze" : "topics.freeze"), e -> act(() ->
                topics.freeze(c.id(), !c.frozen())));
        Button split = new Button(getTranslation("topics.split"), e -> act(() -> topics.split(c.id())));
        split.setEnabled(c.size() >= 2);
        for (Button b : List.of(rename, freeze, split)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        Anchor search = new Anchor("staff/search?draft=" + c.draftId() + "&cluster=" + c.id(),
                getTranslation("topics.show-comments"));
        HorizontalLayout actions = new HorizontalLayout(rename, freeze, split, search);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        card.add(actions);
        return card;
    }

    private void rename(TopicCluster c) {
        Dialog dialog = new Dialog(getTranslation("topics.rename"));
        TextField label = new TextField(getTranslation("topics.label"));
        label.setValue(c.label());
        label.setWidthFull();
        label.setMaxLength(60);
        dialog.add(label);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()),
                new Button(getTranslation("common.save"), e -> {
                    try {
                        topics.rename(c.id(), label.getValue());
                        dialog.close();
                        showClusters();
                    } catch (KaimenException ex) {
                        label.setInvalid(true);
                        label.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                    }
                }));
        dialog.open();
        label.focus();
    }

    private void mergeSelected() {
        act(() -> topics.merge(List.copyOf(selected)));
    }

    private void recompute() {
        if (draft.getValue() == null) {
            return;
        }
        act(() -> {
            int n = topics.recompute(draft.getValue().id());
            Notification.show(getTranslation("topics.recomputed", n));
            String current = scope.getValue();
            loadScopes();
            if (current != null && scope.getListDataView().getItems().anyMatch(current::equals)) {
                scope.setValue(current);
            }
        });
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (KaimenException ex) {
            Notification.show(getTranslation(ex.messageKey(), ex.args()));
        }
    }

    /** Package-private for UI tests. */
    void showNovel() {
        novelList.removeAll();
        if (draft.getValue() == null) {
            return;
        }
        List<NovelComment> novel = topics.novel(draft.getValue().id(), showSeen.getValue(), 100);
        if (novel.isEmpty()) {
            novelList.add(new Paragraph(getTranslation("topics.novel.none")));
        }
        for (NovelComment n : novel) {
            Div card = new Div();
            card.addClassName("kaimen-card");
            card.setId("novel-" + n.commentId());
            Div meta = new Div(new Span("#" + n.commentId()),
                    new Span(n.provisionLabel() == null ? getTranslation("topics.novel.general") : n.provisionLabel()),
                    new Span(TIME.format(n.createdAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai")))));
            meta.addClassName("kaimen-card-meta");
            card.add(meta, new Paragraph(n.text()));
            HorizontalLayout actions = new HorizontalLayout();
            actions.setAlignItems(FlexComponent.Alignment.BASELINE);
            if (n.seen()) {
                Span seen = new Span(getTranslation("topics.novel.seen"));
                seen.getElement().getThemeList().add("badge success");
                actions.add(seen);
            } else {
                Button seen = new Button(getTranslation("topics.novel.mark-seen"), e -> {
                    topics.markSeen(n.commentId());
                    showNovel();
                });
                seen.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                actions.add(seen);
            }
            if (n.articleKey() != null) {
                actions.add(new Anchor("drafts/" + draft.getValue().id() + "/" + n.articleKey(),
                        getTranslation("search.open-in-context", n.provisionLabel() == null ? "" : n.provisionLabel())));
            }
            card.add(actions);
            novelList.add(card);
        }
    }

    private static int number(String scope) {
        try {
            return Integer.parseInt(scope.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.topics");
    }
}
