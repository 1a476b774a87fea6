package org.kaimen.experts.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.kaimen.experts.ExpertService;
import org.kaimen.experts.NoticedCandidate;

/** The public notice of expert candidates (公示 for seven working days) so anyone may object before appointment. */
@Route("experts/notice")
@Menu(title = "nav.expert-notice", order = 40, icon = "vaadin:megaphone")
@AnonymousAllowed
public class CandidateNoticeView extends Main implements HasDynamicTitle {

    public CandidateNoticeView(ExpertService experts) {
        addClassNames("kaimen-content", "kaimen-expert-notice");
        Grid<NoticedCandidate> grid = new Grid<>();
        grid.setId("candidates");
        grid.addColumn(NoticedCandidate::name).setHeader(getTranslation("experts.name")).setAutoWidth(true);
        grid.addColumn(c -> c.title() == null ? "" : c.title()).setHeader(getTranslation("experts.title"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.organisation() == null ? "" : c.organisation())
                .setHeader(getTranslation("experts.organisation")).setFlexGrow(1);
        grid.addColumn(c -> String.join("、", c.fields())).setHeader(getTranslation("experts.fields"))
                .setFlexGrow(1);
        grid.addColumn(NoticedCandidate::noticeEndsOn).setHeader(getTranslation("experts.notice.ends"))
                .setAutoWidth(true);
        grid.setItems(experts.publicNotice());
        grid.setAllRowsVisible(true);
        add(new H1(getTranslation("experts.notice.heading")), new Paragraph(getTranslation("experts.notice.help")),
                grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("experts.notice.heading");
    }
}
