package org.kaimen.feedback.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.Campaign;
import org.kaimen.analysis.CampaignService;
import org.kaimen.analysis.TopicCluster;
import org.kaimen.analysis.TopicService;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.DraftVersionInfo;
import org.kaimen.drafts.Provision;
import org.kaimen.feedback.AdoptionReport;
import org.kaimen.feedback.FeedbackService;
import org.kaimen.feedback.Opinion;
import org.kaimen.feedback.OpinionState;
import org.kaimen.feedback.Progress;
import org.kaimen.shared.web.KaimenException;

/**
 * The feedback desk, where clerks spend their weeks: a draft's progress at a glance, its opinions in a list with the
 * one being worked on beside it (member comments next to the disposition form), the comments not yet in any opinion,
 * and opinions made from a topic or a campaign in one step. Everything has a keyboard shortcut; the panels fire
 * events and only this view calls services.
 */
@Route("staff/feedback")
@Menu(title = "nav.feedback", order = 27, icon = "vaadin:clipboard-check")
@RolesAllowed({Role.DRAFTER_NAME, Role.ADMIN_NAME})
public class FeedbackDeskView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    static final String ALL = "ALL";
    static final String MINE = "MINE";
    static final String TO_APPROVE = "TO_APPROVE";

    private final transient FeedbackService feedback;
    private final transient DraftService drafts;
    private final transient TopicService topics;
    private final transient CampaignService campaigns;
    private final String me;
    private final Select<DraftSummary> draft = new Select<>();
    private final Select<String> filter = new Select<>();
    private final ProgressStrip progress = new ProgressStrip();
    private final Grid<Opinion> grid = new Grid<>();
    private final UnconsolidatedPanel loose = new UnconsolidatedPanel();
    private final Div detailSlot = new Div();
    private final TabSheet tabs = new TabSheet();
    private final Tab opinionsTab;
    private final Tab looseTab;
    private OpinionPanel panel;
    private Map<String, String> labels = Map.of();
    private List<Opinion> opinions = List.of();
    private Progress current;
    /** An opinion asked for in the address, opened once its draft has loaded. */
    private Long pendingOpinion;

    public FeedbackDeskView(FeedbackService feedback, DraftService drafts, TopicService topics,
                            CampaignService campaigns, AuthenticationContext auth) {
        this.feedback = feedback;
        this.drafts = drafts;
        this.topics = topics;
        this.campaigns = campaigns;
        this.me = auth.getPrincipalName().orElse("");
        addClassNames("kaimen-content", "kaimen-wide", "kaimen-desk-view");

        draft.setLabel(getTranslation("search.draft"));
        draft.setItems(drafts.allDrafts());
        draft.setItemLabelGenerator(DraftSummary::title);
        draft.setId("desk-draft");
        draft.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load(e.getValue(), null);
            }
        });
        filter.setLabel(getTranslation("feedback.desk.filter"));
        filter.setId("desk-filter");
        List<String> filters = new ArrayList<>(List.of(ALL, TO_APPROVE, MINE));
        for (OpinionState s : OpinionState.values()) {
            filters.add(s.name());
        }
        filter.setItems(filters);
        filter.setItemLabelGenerator(f -> switch (f) {
            case ALL -> getTranslation("feedback.desk.filter.all");
            case MINE -> getTranslation("feedback.desk.filter.mine");
            case TO_APPROVE -> getTranslation("feedback.desk.filter.to-approve");
            default -> getTranslation("feedback.state." + f);
        });
        filter.setValue(ALL);
        filter.addValueChangeListener(e -> applyFilter());
        Button fromCluster = new Button(getTranslation("feedback.desk.from.cluster"), e -> openClusters());
        fromCluster.setId("desk-from-cluster");
        Button fromCampaign = new Button(getTranslation("feedback.desk.from.campaign"), e -> openCampaigns());
        fromCampaign.setId("desk-from-campaign");
        Button report = new Button(getTranslation("feedback.desk.report"), e -> openReport());
        report.setId("desk-report");
        for (Button b : List.of(fromCluster, fromCampaign, report)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        Div bar = new Div(draft, filter, fromCluster, fromCampaign, report);
        bar.addClassName("kaimen-desk-bar");

        grid.setId("desk-opinions");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("kaimen-desk-grid");
        grid.addColumn(o -> "#" + o.id()).setHeader("#").setKey("id").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setComparator(Comparator.comparingLong(Opinion::id));
        grid.addColumn(o -> FeedbackFormat.abbreviate(o.summary(), 60)).setHeader(getTranslation("feedback.desk.summary"))
                .setKey("summary").setWidth("11rem").setFlexGrow(1);
        grid.addColumn(o -> getTranslation("feedback.state." + o.state().name()))
                .setHeader(getTranslation("feedback.desk.col.state")).setKey("state").setAutoWidth(true)
                .setFlexGrow(0).setComparator(Comparator.comparing(Opinion::state));
        grid.addColumn(o -> o.disposition() == null ? "" : getTranslation("feedback.disposition." + o.disposition()))
                .setHeader(getTranslation("feedback.desk.col.disposition")).setKey("disposition").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Opinion::comments).setHeader(getTranslation("feedback.desk.col.comments")).setKey("comments")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparingInt(Opinion::comments));
        grid.addColumn(o -> o.assignee() == null ? "" : o.assignee())
                .setHeader(getTranslation("feedback.desk.col.assignee")).setKey("assignee").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(o -> FeedbackFormat.articles(labels, o.articleKeys()))
                .setHeader(getTranslation("feedback.desk.articles")).setKey("articles").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setTooltipGenerator(Opinion::summary);
        grid.setEmptyStateText(getTranslation("feedback.desk.none"));
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));

        loose.addCreateListener(e -> act(null, true, () -> {
            long id = feedback.create(draftId(), e.summary(), e.commentIds(), "manual");
            notify(getTranslation("feedback.desk.created", String.valueOf(id)));
            return id;
        }));
        loose.addMoveListener(e -> act(null, true, () -> {
            feedback.move(e.commentIds(), e.opinionId());
            notify(getTranslation("feedback.desk.moved", e.commentIds().size(), String.valueOf(e.opinionId())));
            return e.opinionId();
        }));

        opinionsTab = tabs.add(getTranslation("feedback.desk.tab.opinions", 0), grid);
        looseTab = tabs.add(getTranslation("feedback.desk.tab.unconsolidated", 0), loose);
        tabs.setId("desk-tabs");
        tabs.addClassName("kaimen-desk-list");
        detailSlot.addClassName("kaimen-desk-detail");
        Div desk = new Div(tabs, detailSlot);
        desk.addClassName("kaimen-desk");
        add(new H1(getTranslation("nav.feedback")), bar, progress, desk);

        Shortcuts.addShortcutListener(this, () -> step(1), Key.KEY_J, KeyModifier.ALT).setBrowserDefaultAllowed(false);
        Shortcuts.addShortcutListener(this, () -> step(-1), Key.KEY_K, KeyModifier.ALT).setBrowserDefaultAllowed(false);
    }

    /** {@code ?draft=7&opinion=12} opens a draft and one of its opinions (links from mails and other screens). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        Long draftId = number(params.getSingleParameter("draft").orElse(null));
        Long opinionId = number(params.getSingleParameter("opinion").orElse(null));
        DraftSummary chosen = draft.getListDataView().getItems()
                .filter(d -> draftId == null || d.id() == draftId).findFirst().orElse(null);
        if (chosen == null) {
            chosen = draft.getListDataView().getItems().findFirst().orElse(null);
        }
        if (chosen == null) {
            detailSlot.removeAll();
            detailSlot.add(new Paragraph(getTranslation("feedback.desk.no-drafts")));
            return;
        }
        if (Objects.equals(chosen, draft.getValue())) {
            load(chosen, opinionId);
        } else {
            pendingOpinion = opinionId;
            draft.setValue(chosen);
        }
    }

    /** Loads a draft: its articles (labels, and the latest version's for "changed provision"), then the lists. */
    private void load(DraftSummary d, Long opinionId) {
        Long select = opinionId != null ? opinionId : pendingOpinion;
        pendingOpinion = null;
        labels = FeedbackFormat.articleLabels(drafts.tree(d.id(), 0));
        int latest = drafts.versions(d.id()).stream().mapToInt(DraftVersionInfo::number).max().orElse(0);
        List<Provision> changeable = FeedbackFormat.articles(drafts.tree(d.id(), latest));
        panel = new OpinionPanel(labels, changeable, feedback.reasonPhrases(), me);
        panel.addSaveListener(e -> act(e.getSource(), false, () -> {
            feedback.edit(e.opinionId(), e.summary(), e.articleKeys());
            notify(getTranslation("feedback.desk.saved"));
            return e.opinionId();
        }));
        panel.addProposeListener(e -> act(e.getSource(), false, () -> {
            if (e.edited()) {
                feedback.edit(e.opinionId(), e.summary(), e.articleKeys());
            }
            feedback.propose(e.opinionId(), e.disposition(), e.reason(), e.provisionId());
            e.getSource().setPhrases(feedback.reasonPhrases());
            notify(getTranslation("feedback.desk.proposed"));
            return e.opinionId();
        }));
        panel.addApproveListener(e -> act(e.getSource(), false, () -> {
            feedback.approve(e.opinionId());
            notify(getTranslation("feedback.desk.approved"));
            return e.opinionId();
        }));
        panel.addSendBackListener(e -> act(e.getSource(), false, () -> {
            feedback.sendBack(e.opinionId(), e.note());
            notify(getTranslation("feedback.desk.sent-back"));
            return e.opinionId();
        }));
        panel.addAssignListener(e -> act(e.getSource(), false, () -> {
            feedback.assign(e.opinionId(), e.assignee());
            return e.opinionId();
        }));
        panel.addTakeOutListener(e -> act(e.getSource(), true, () -> {
            feedback.detach(e.commentId());
            return e.opinionId();
        }));
        detailSlot.removeAll();
        detailSlot.add(panel);
        refresh(select, true);
    }

    /**
     * Reloads the opinions and the progress, and opens the given opinion (if it is in the list).
     *
     * @param members whether comments changed opinion, so the unconsolidated list must be read again too
     */
    void refresh(Long select, boolean members) {
        long draftId = draftId();
        current = feedback.progress(draftId);
        progress.show(current);
        opinions = feedback.opinions(draftId);
        grid.setItems(opinions);
        applyFilter();
        opinionsTab.setLabel(getTranslation("feedback.desk.tab.opinions", opinions.size()));
        looseTab.setLabel(getTranslation("feedback.desk.tab.unconsolidated", current.unconsolidated()));
        if (members) {
            loose.show(feedback.unconsolidated(draftId, UnconsolidatedPanel.LIMIT), current.unconsolidated());
        }
        Opinion chosen = select == null ? null
                : opinions.stream().filter(o -> o.id() == select).findFirst().orElse(null);
        if (chosen != null) {
            grid.select(chosen);
            scrollTo(chosen);
        } else {
            showDetail(null);
        }
    }

    private void applyFilter() {
        Predicate<Opinion> p = switch (filter.getValue() == null ? ALL : filter.getValue()) {
            case ALL -> o -> true;
            case MINE -> o -> me.equals(o.assignee()) && o.state() != OpinionState.APPROVED;
            case TO_APPROVE -> o -> o.state() == OpinionState.PROPOSED && !me.equals(o.proposedBy());
            default -> o -> o.state().name().equals(filter.getValue());
        };
        grid.getListDataView().setFilter(p::test);
    }

    private void showDetail(Opinion o) {
        if (panel == null) {
            return;
        }
        if (o == null) {
            panel.clear();
            loose.setTarget(null);
            return;
        }
        try {
            panel.show(feedback.detail(o.id()), current != null && current.published());
            loose.setTarget(o.id());
        } catch (KaimenException ex) {
            panel.clear();
            notifyError(getTranslation(ex.messageKey(), ex.args()));
        }
    }

    /** Alt+J / Alt+K: the next or previous opinion in the list as filtered, ready to write. */
    void step(int by) {
        List<Opinion> shown = grid.getListDataView().getItems().toList();
        if (shown.isEmpty()) {
            return;
        }
        Opinion selected = grid.asSingleSelect().getValue();
        int at = selected == null ? -1 : indexOf(shown, selected.id());
        int next = at < 0 ? (by > 0 ? 0 : shown.size() - 1) : at + by;
        if (next < 0 || next >= shown.size()) {
            return;
        }
        grid.select(shown.get(next));
        scrollTo(shown.get(next));
        if (tabs.getSelectedTab() != opinionsTab) {
            tabs.setSelectedTab(opinionsTab);
        }
        panel.focusReason();
    }

    private static int indexOf(List<Opinion> list, long id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private void scrollTo(Opinion o) {
        try {
            grid.scrollToItem(o);
        } catch (RuntimeException notShown) {
            // Filtered out of the list: it is open beside it all the same.
        }
    }

    /**
     * Runs a service call; on success reloads and opens the opinion it returns, on refusal shows the localized
     * reason (in the panel, when it came from there) and leaves everything the clerk typed as it is.
     */
    private void act(OpinionPanel from, boolean members, java.util.function.Supplier<Long> action) {
        try {
            if (from != null) {
                from.clearError();
            }
            Long id = action.get();
            refresh(id, members);
        } catch (KaimenException ex) {
            String message = getTranslation(ex.messageKey(), ex.args());
            if (from != null) {
                from.showError(ex.messageKey(), message);
            } else {
                notifyError(message);
            }
        }
    }

    private void openClusters() {
        if (draft.getValue() == null) {
            return;
        }
        Map<Long, Long> used = used("cluster:");
        List<SourceDialog.Source> sources = topics.clusters(draftId(), TopicCluster.DRAFT_SCOPE).stream()
                .map(c -> new SourceDialog.Source(c.id(), c.label(), c.size(), used.get(c.id()))).toList();
        SourceDialog dialog = new SourceDialog("cluster", sources);
        dialog.addCreateListener(e -> inDialog(dialog, () -> feedback.createFromCluster(e.sourceId(), e.summary())));
        dialog.addDisposeListener(e -> inDialog(dialog, () -> feedback.disposeCluster(e.sourceId(), e.summary(),
                e.disposition(), e.reason())));
        dialog.open();
    }

    private void openCampaigns() {
        if (draft.getValue() == null) {
            return;
        }
        Map<Long, Long> used = used("campaign:");
        List<Campaign> found = campaigns.campaigns(draftId());
        List<SourceDialog.Source> sources = found.stream().map(c -> new SourceDialog.Source(c.id(),
                FeedbackFormat.abbreviate(c.canonicalText(), 80), c.size(), used.get(c.id()))).toList();
        SourceDialog dialog = new SourceDialog("campaign", sources);
        long draftId = draftId();
        dialog.addCreateListener(e -> inDialog(dialog, () -> feedback.createFromCampaign(draftId, e.sourceId(),
                e.summary())));
        dialog.addDisposeListener(e -> inDialog(dialog, () -> feedback.disposeCampaign(draftId, e.sourceId(),
                e.summary(), e.disposition(), e.reason())));
        dialog.open();
    }

    private void inDialog(SourceDialog dialog, java.util.function.LongSupplier action) {
        try {
            long id = action.getAsLong();
            dialog.close();
            notify(getTranslation("feedback.desk.created", String.valueOf(id)));
            tabs.setSelectedTab(opinionsTab);
            refresh(id, true);
        } catch (KaimenException ex) {
            dialog.showError(getTranslation(ex.messageKey(), ex.args()));
        }
    }

    /** Which topic or campaign an opinion was already made from ({@code cluster:12} → opinion id). */
    private Map<Long, Long> used(String prefix) {
        Map<Long, Long> out = new HashMap<>();
        for (Opinion o : opinions) {
            if (o.source() != null && o.source().startsWith(prefix)) {
                Long id = number(o.source().substring(prefix.length()));
                if (id != null) {
                    out.putIfAbsent(id, o.id());
                }
            }
        }
        return out;
    }

    private void openReport() {
        if (draft.getValue() == null) {
            return;
        }
        long draftId = draftId();
        AdoptionReport preview = feedback.preview(draftId);
        ReportSettingsDialog dialog = new ReportSettingsDialog(draftId, preview.introduction(), preview.dueOn(),
                preview.published());
        dialog.addSaveListener(e -> {
            try {
                feedback.saveReportSettings(draftId, e.introduction(), e.dueOn());
                dialog.close();
                notify(getTranslation("feedback.desk.saved"));
                refresh(selectedId(), false);
            } catch (KaimenException ex) {
                dialog.showError(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        dialog.addPublishListener(e -> {
            try {
                feedback.publish(draftId);
                dialog.close();
                notify(getTranslation("feedback.desk.report.done"));
                refresh(selectedId(), false);
            } catch (KaimenException ex) {
                dialog.showError(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        dialog.open();
    }

    private Long selectedId() {
        Opinion o = grid.asSingleSelect().getValue();
        return o == null ? null : o.id();
    }

    private long draftId() {
        return draft.getValue().id();
    }

    private void notify(String text) {
        Notification n = Notification.show(text, 2500, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void notifyError(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static Long number(String s) {
        return s != null && s.matches("\\d{1,18}") ? Long.valueOf(s) : null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.feedback");
    }
}
