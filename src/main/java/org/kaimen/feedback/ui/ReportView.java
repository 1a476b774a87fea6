package org.kaimen.feedback.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.feedback.AdoptionReport;
import org.kaimen.feedback.Disposition;
import org.kaimen.feedback.FeedbackService;
import org.kaimen.shared.charts.Bar;
import org.kaimen.shared.charts.ChartStyle;
import org.kaimen.shared.charts.Segment;
import org.kaimen.shared.charts.SvgCharts;
import org.kaimen.shared.web.KaimenException;

/**
 * The public adoption report (征求意见情况及采纳情况说明): totals, themes, and every opinion with its disposition and
 * reason, article by article, with downloads. Before publication it says so and lets a signed-in citizen ask for an
 * e-mail; staff see a marked preview. Never shows who wrote a comment.
 */
@Route("drafts/:draftId(\\d+)/report")
@AnonymousAllowed
public class ReportView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final List<String> FORMATS = List.of("docx", "xlsx", "csv", "pdf");

    private final transient FeedbackService feedback;
    private final transient DraftService drafts;
    private final transient AuthenticationContext auth;
    private String title = "";

    public ReportView(FeedbackService feedback, DraftService drafts, AuthenticationContext auth) {
        this.feedback = feedback;
        this.drafts = drafts;
        this.auth = auth;
        addClassNames("kaimen-content", "kaimen-report");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long draftId = Long.parseLong(event.getRouteParameters().get("draftId").orElseThrow());
        Optional<DraftSummary> draft = drafts.find(draftId);
        if (draft.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title = getTranslation("feedback.report.title", draft.get().title());
        Optional<AdoptionReport> report = feedback.published(draftId);
        if (report.isPresent()) {
            showReport(report.get(), false);
        } else if (auth.hasAnyRole(Role.DRAFTER_NAME, Role.ADMIN_NAME)) {
            showReport(feedback.preview(draftId), true);
        } else {
            showPending(draft.get());
        }
    }

    private void showPending(DraftSummary draft) {
        H1 heading = new H1(title);
        heading.setId("report-title");
        Div notice = new Div(new Paragraph(getTranslation("feedback.report.pending")));
        notice.addClassName("kaimen-notice");
        notice.setId("report-pending");
        add(heading, notice);
        if (auth.isAuthenticated()) {
            Paragraph done = new Paragraph(getTranslation("feedback.report.subscribed"));
            done.setId("report-subscribed");
            done.getElement().setAttribute("role", "status");
            if (feedback.subscribed(draft.id())) {
                notice.add(done);
            } else {
                Button subscribe = new Button(getTranslation("feedback.report.subscribe"));
                subscribe.setId("report-subscribe");
                subscribe.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                subscribe.addClickListener(e -> {
                    try {
                        feedback.subscribe(draft.id());
                        notice.replace(subscribe, done);
                    } catch (KaimenException ex) {
                        Paragraph error = new Paragraph(getTranslation(ex.messageKey(), ex.args()));
                        error.addClassName("kaimen-notice-error");
                        notice.add(error);
                    }
                });
                notice.add(subscribe);
            }
        } else {
            Anchor login = new Anchor("login", getTranslation("feedback.report.login"));
            login.setId("report-login");
            notice.add(login);
        }
        Anchor back = new Anchor("drafts/" + draft.id(), getTranslation("feedback.report.read-draft"));
        add(back);
    }

    private void showReport(AdoptionReport r, boolean preview) {
        H1 heading = new H1(title);
        heading.setId("report-title");
        Div meta = new Div();
        meta.addClassName("kaimen-card-meta");
        if (preview) {
            Span mark = new Span(getTranslation("feedback.report.preview"));
            mark.getElement().getThemeList().add("badge contrast");
            mark.setId("report-preview");
            meta.add(mark);
        } else {
            meta.add(new Span(getTranslation("feedback.report.published-on", FeedbackFormat.date(r.publishedAt()))));
        }
        meta.add(new Anchor("drafts/" + r.draftId(), getTranslation("feedback.report.read-draft")));
        add(heading, meta);

        if (r.introduction() != null && !r.introduction().isBlank()) {
            Div intro = new Div();
            intro.addClassName("kaimen-report-intro");
            for (String line : r.introduction().split("\n")) {
                if (!line.isBlank()) {
                    intro.add(new Paragraph(line.strip()));
                }
            }
            add(intro);
        }
        add(totals(r), themes(r));
        Section body = new Section();
        body.setId("report-opinions");
        body.add(new H2(getTranslation("feedback.report.opinions")));
        if (r.sections().isEmpty()) {
            body.add(new Paragraph(getTranslation("feedback.report.no-opinions")));
        }
        for (AdoptionReport.Section s : r.sections()) {
            body.add(new H3(s.heading().isEmpty() ? getTranslation("feedback.report.general") : s.heading()));
            for (AdoptionReport.ArticleOpinions a : s.articles()) {
                if (a.articleKey() != null) {
                    H4 article = new H4(new Anchor("drafts/" + r.draftId() + "/" + a.articleKey(),
                            a.label() == null ? a.articleKey() : a.label()));
                    article.addClassName("kaimen-report-article");
                    body.add(article);
                }
                for (AdoptionReport.Item item : a.opinions()) {
                    body.add(item(item));
                }
            }
        }
        add(body, downloads(r.draftId()));
    }

    private Section totals(AdoptionReport r) {
        AdoptionReport.Totals t = r.totals();
        Section section = new Section(new H2(getTranslation("feedback.report.totals")));
        section.setId("report-totals");
        section.add(new Paragraph(getTranslation("feedback.report.totals.text", t.comments(), t.commenters(),
                t.opinions())));
        Locale locale = getLocale() == null ? Locale.SIMPLIFIED_CHINESE : getLocale();
        // Narrow charts: their text stays legible when a phone scales them down.
        ChartStyle style = ChartStyle.defaults().withLocale(locale).withWidth(420);
        List<Bar> dispositions = new ArrayList<>();
        for (Disposition d : Disposition.values()) {
            long n = t.byDisposition().getOrDefault(d.name(), 0L);
            if (n > 0) {
                dispositions.add(new Bar(getTranslation("feedback.disposition." + d.name()), n));
            }
        }
        List<Segment> channels = new ArrayList<>();
        for (Map.Entry<String, Long> e : t.byChannel().entrySet()) {
            channels.add(new Segment(getTranslation("comments.channel." + e.getKey()), e.getValue()));
        }
        Div charts = new Div(
                svg(SvgCharts.horizontalBars(getTranslation("feedback.report.chart.disposition"), dispositions, style)),
                svg(SvgCharts.stackedBar(getTranslation("feedback.report.chart.channel"), channels, style)));
        charts.addClassName("kaimen-charts");
        section.add(charts);
        return section;
    }

    private Section themes(AdoptionReport r) {
        Section section = new Section();
        if (r.themes().isEmpty()) {
            return section;
        }
        section.setId("report-themes");
        section.add(new H2(getTranslation("feedback.report.themes")));
        UnorderedList list = new UnorderedList();
        list.addClassName("kaimen-report-themes");
        for (AdoptionReport.Theme theme : r.themes()) {
            list.add(new ListItem(getTranslation("feedback.report.theme", theme.label(), theme.comments())));
        }
        section.add(list);
        return section;
    }

    private Div item(AdoptionReport.Item item) {
        Div card = new Div();
        card.addClassName("kaimen-report-item");
        card.setId("report-opinion-" + item.id());
        Div head = new Div();
        head.addClassName("kaimen-card-meta");
        if (item.disposition() != null) {
            head.add(FeedbackFormat.badge(this, item.disposition()));
        }
        head.add(new Span(getTranslation("feedback.report.comments", item.comments())));
        item.byChannel().forEach((k, v) -> head.add(new Span(getTranslation("comments.channel." + k) + " " + v)));
        Paragraph summary = new Paragraph(item.summary());
        summary.addClassName("kaimen-report-summary");
        card.add(head, summary);
        if (item.reason() != null && !item.reason().isBlank()) {
            Paragraph reason = new Paragraph(getTranslation("feedback.report.reason", item.reason()));
            reason.addClassName("kaimen-report-reason");
            card.add(reason);
        }
        if (item.changedProvision() != null) {
            Paragraph changed = new Paragraph(getTranslation("feedback.report.changed", item.changedProvision()));
            changed.addClassName("kaimen-hint");
            card.add(changed);
        }
        return card;
    }

    private Section downloads(long draftId) {
        Section section = new Section(new H2(getTranslation("feedback.report.download")));
        section.setId("report-downloads");
        Div links = new Div();
        links.addClassName("kaimen-report-downloads");
        for (String format : FORMATS) {
            Anchor a = new Anchor("api/v1/drafts/" + draftId + "/report." + format,
                    getTranslation("feedback.report.download." + format));
            a.setRouterIgnore(true);
            a.getElement().setAttribute("download", true);
            links.add(a);
        }
        section.add(links);
        return section;
    }

    private static Html svg(String svg) {
        return new Html("<div class=\"kaimen-chart\">" + svg + "</div>");
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
