package org.kaimen.hearings.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Optional;
import org.kaimen.hearings.HearingReport;
import org.kaimen.hearings.HearingService;

/** The published hearing report (听证报告, 第二十八条) with its .docx and PDF downloads; speakers by number only. */
@Route("hearings/:id(\\d+)/report")
@AnonymousAllowed
public class HearingReportView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient HearingService hearings;
    private String title = "";

    public HearingReportView(HearingService hearings) {
        this.hearings = hearings;
        addClassNames("kaimen-content", "kaimen-hearing");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        Optional<HearingReport> report = hearings.report(id);
        if (report.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        HearingReport r = report.get();
        title = getTranslation("hearings.report.title", r.draftTitle());
        H1 h1 = new H1(title);
        h1.setId("hearing-report-title");
        add(h1);
        if (r.publishedAt() == null) {
            add(new Paragraph(getTranslation("hearings.report.preview")));
        }
        add(new Paragraph(new Anchor("api/v1/hearings/" + id + "/report.docx", "Word (.docx)"),
                new Anchor("api/v1/hearings/" + id + "/report.pdf", " PDF")));
        add(new H2(getTranslation("hearings.report.facts")), new Paragraph(getTranslation("hearings.report.counts",
                r.speakerRegistrations(), r.observerRegistrations(), r.speakers(), r.observers())));
        if (r.facts() != null) {
            add(new Paragraph(r.facts()));
        }
        add(new H2(getTranslation("hearings.report.views")));
        for (HearingReport.MatterViews mv : r.matters()) {
            add(new H3(mv.matter().title()));
            views("hearings.side.for", mv.forViews());
            views("hearings.side.against", mv.againstViews());
            views("hearings.side.other", mv.otherViews());
        }
        add(new H2(getTranslation("hearings.report.handling")));
        for (HearingReport.MatterViews mv : r.matters()) {
            add(new Paragraph(mv.matter().title() + "：" + (mv.matter().handling() == null ? ""
                    : mv.matter().handling())));
        }
    }

    private void views(String key, List<HearingReport.View> views) {
        for (HearingReport.View v : views) {
            add(new Paragraph(getTranslation(key) + " · #" + v.number() + "（" + nz(v.sector()) + "，"
                    + nz(v.district()) + "）：" + v.text() + (v.reasons() == null ? ""
                    : " " + getTranslation("hearings.entry.reasons", v.reasons()))));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
