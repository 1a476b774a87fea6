package org.kaimen.hearings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.hearings.Hearer;
import org.kaimen.hearings.Hearing;
import org.kaimen.hearings.HearingPlan;
import org.kaimen.hearings.HearingService;

/**
 * The clerk's list of hearings and the work plan of a new one (第七条): matters one per line as
 * "title | a12, a13", hearers one per line as "name | affiliation", the first presiding.
 */
@Route("staff/hearings")
@RolesAllowed({"DRAFTER", "ADMIN"})
@Menu(title = "nav.staff-hearings", order = 28, icon = "vaadin:gavel")
public class HearingsStaffView extends Main implements HasDynamicTitle {

    public HearingsStaffView(HearingService hearings, DraftService drafts, Clock clock) {
        addClassNames("kaimen-content", "kaimen-hearing");
        Grid<Hearing> grid = new Grid<>();
        grid.setId("staff-hearing-grid");
        grid.addComponentColumn(h -> new Anchor("staff/hearings/" + h.id(), h.title()))
                .setHeader(getTranslation("hearings.staff.title")).setFlexGrow(3);
        grid.addColumn(h -> Ui.when(h.startsAt(), clock.getZone())).setHeader(getTranslation("hearings.staff.when"));
        grid.setItems(hearings.allHearings());
        grid.setAllRowsVisible(true);

        ComboBox<DraftSummary> draft = new ComboBox<>(getTranslation("hearings.staff.draft"));
        draft.setItems(drafts.allDrafts());
        draft.setItemLabelGenerator(DraftSummary::title);
        draft.setWidthFull();
        TextField title = new TextField(getTranslation("hearings.staff.title"));
        title.setWidthFull();
        title.setId("plan-title");
        TextField place = new TextField(getTranslation("hearings.staff.place"));
        place.setWidthFull();
        TextField online = new TextField(getTranslation("hearings.staff.online"));
        online.setWidthFull();
        DateTimePicker starts = new DateTimePicker(getTranslation("hearings.staff.when"));
        IntegerField notice = new IntegerField(getTranslation("hearings.staff.notice-days"));
        notice.setValue(hearings.defaultNoticeDays());
        IntegerField speakers = new IntegerField(getTranslation("hearings.staff.speakers"));
        speakers.setValue(12);
        IntegerField observers = new IntegerField(getTranslation("hearings.staff.observers"));
        observers.setValue(30);
        IntegerField minutes = new IntegerField(getTranslation("hearings.staff.minutes"));
        minutes.setValue(8);
        TextArea matters = new TextArea(getTranslation("hearings.staff.matters"));
        matters.setWidthFull();
        matters.setPlaceholder("物业费的调整程序 | a12");
        TextArea hearers = new TextArea(getTranslation("hearings.staff.hearers"));
        hearers.setWidthFull();
        hearers.setPlaceholder("张三 | 法制委员会\n李四 | 法工委\n王五 | 住建局");
        Button create = new Button(getTranslation("hearings.staff.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            List<HearingPlan.MatterPlan> ms = new ArrayList<>();
            for (String line : matters.getValue().split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.split("\\|", 2);
                    ms.add(new HearingPlan.MatterPlan(parts[0].strip(), parts.length < 2 ? List.of()
                            : Arrays.stream(parts[1].split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList()));
                }
            }
            List<Hearer> hs = new ArrayList<>();
            for (String line : hearers.getValue().split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.split("\\|", 2);
                    hs.add(new Hearer(parts[0].strip(), parts.length < 2 ? null : parts[1].strip(), hs.isEmpty()));
                }
            }
            long[] id = new long[1];
            if (draft.getValue() == null || starts.getValue() == null) {
                Ui.attempt(this, () -> {
                    throw new org.kaimen.shared.web.KaimenException(org.springframework.http.HttpStatus.BAD_REQUEST,
                            "hearings.error.starts-at");
                });
                return;
            }
            if (Ui.attempt(this, () -> id[0] = hearings.create(new HearingPlan(draft.getValue().id(),
                    title.getValue(), place.getValue(), online.getValue(),
                    starts.getValue().atZone(clock.getZone()).toOffsetDateTime(), notice.getValue(),
                    nz(speakers.getValue()), nz(observers.getValue()), nz(minutes.getValue()), ms, hs)))) {
                getUI().ifPresent(ui -> ui.navigate("staff/hearings/" + id[0]));
            }
        });
        add(new H1(getPageTitle()), grid, new H2(getTranslation("hearings.staff.new")),
                new Paragraph(getTranslation("hearings.staff.plan-intro")), draft, title, starts, place, online,
                notice, speakers, observers, minutes, matters, hearers, create);
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.staff-hearings");
    }
}
