package org.kaimen.drafts.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.VersionDiff;
import org.kaimen.shared.web.KaimenException;

/** The redline of one version against the one before, article by article, unchanged ones hidden by default. */
@Route("drafts/:draftId(\\d+)/versions/:version(\\d+)/diff")
@AnonymousAllowed
public class DraftDiffView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient DraftService drafts;
    private final transient org.springframework.beans.factory.ObjectProvider<org.kaimen.drafts.RevisionReasons> reasons;
    private String title = "";
    private java.util.Map<String, List<org.kaimen.drafts.RevisionReasons.Reason>> motivated = java.util.Map.of();

    public DraftDiffView(DraftService drafts,
                         org.springframework.beans.factory.ObjectProvider<org.kaimen.drafts.RevisionReasons> reasons) {
        this.drafts = drafts;
        this.reasons = reasons;
        addClassNames("kaimen-content", "kaimen-reading");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long draftId = Long.parseLong(event.getRouteParameters().get("draftId").orElseThrow());
        int version = Integer.parseInt(event.getRouteParameters().get("version").orElseThrow());
        DraftSummary draft;
        VersionDiff diff;
        try {
            draft = drafts.get(draftId);
            diff = drafts.diff(draftId, version);
        } catch (KaimenException notFound) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title = getTranslation("drafts.diff.title", draft.title(), version, version - 1);
        org.kaimen.drafts.RevisionReasons source = reasons.getIfAvailable();
        motivated = source == null ? java.util.Map.of() : source.reasons(draftId, version);
        long changed = diff.changes().stream().filter(c -> !"UNCHANGED".equals(c.type())).count();
        H1 heading = new H1(draft.title());
        add(heading, new Paragraph(getTranslation("drafts.diff.summary", version, version - 1, changed)),
                new Anchor("drafts/" + draftId + "?version=" + version, getTranslation("drafts.diff.back")));
        Checkbox showUnchanged = new Checkbox(getTranslation("drafts.diff.show-unchanged"));
        add(showUnchanged);
        List<Div> unchanged = new ArrayList<>();
        Div list = new Div();
        list.setId("diff-list");
        for (VersionDiff.ArticleChange c : diff.changes()) {
            Div row = change(draftId, version, c);
            if ("UNCHANGED".equals(c.type())) {
                row.setVisible(false);
                unchanged.add(row);
            }
            list.add(row);
        }
        showUnchanged.addValueChangeListener(e -> unchanged.forEach(r -> r.setVisible(e.getValue())));
        add(list);
    }

    private Div change(long draftId, int version, VersionDiff.ArticleChange c) {
        String label = c.newLabel() != null ? c.newLabel() : c.oldLabel();
        String heading = c.oldLabel() != null && c.newLabel() != null && !c.oldLabel().equals(c.newLabel())
                ? getTranslation("drafts.diff.renumbered", c.newLabel(), c.oldLabel()) : label;
        H2 h = new H2(heading == null ? "" : heading);
        Div types = new Div();
        types.addClassName("kaimen-change-types");
        for (String t : c.types()) {
            Span badge = new Span(getTranslation("drafts.change." + t));
            badge.getElement().getThemeList().add("badge");
            badge.getElement().getThemeList().add(switch (t) {
                case "INSERTED" -> "success";
                case "DELETED" -> "error";
                case "UNCHANGED" -> "contrast";
                default -> "primary";
            });
            types.add(badge);
        }
        Div redline = new Div(new Html("<div class=\"kaimen-redline\">" + c.html() + "</div>"));
        Div row = new Div(h, types, redline);
        row.addClassName("kaimen-change");
        row.getElement().setAttribute("data-type", c.type());
        List<org.kaimen.drafts.RevisionReasons.Reason> why = c.newKey() == null ? List.of()
                : motivated.getOrDefault(c.newKey(), List.of());
        if (!why.isEmpty()) {
            // The opinions that led to this change: the trace from comments to the revised text.
            Div box = new Div(new Span(getTranslation("drafts.diff.motivated")));
            box.addClassName("kaimen-motivated");
            for (org.kaimen.drafts.RevisionReasons.Reason r : why) {
                box.add(new Paragraph(getTranslation("drafts.diff.motivated-item", r.summary(),
                        getTranslation("feedback.disposition." + r.disposition()), r.comments())));
            }
            row.add(box);
        }
        if (c.newKey() != null) {
            row.add(new Anchor("drafts/" + draftId + "/" + c.newKey() + "?version=" + version,
                    getTranslation("drafts.diff.open")));
        }
        return row;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
