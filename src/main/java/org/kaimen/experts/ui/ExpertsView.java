package org.kaimen.experts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kaimen.accounts.Role;
import org.kaimen.experts.Expert;
import org.kaimen.experts.ExpertForm;
import org.kaimen.experts.ExpertService;
import org.kaimen.experts.ExpertStatus;
import org.kaimen.experts.Field;
import org.kaimen.experts.Interest;
import org.kaimen.experts.Sector;
import org.kaimen.experts.YearRecord;
import org.kaimen.shared.web.KaimenException;

/**
 * The expert pool (立法咨询专家库): search and filters, the appointment procedure, .xlsx import and export, and the
 * yearly record with the warnings a clerk must act on.
 */
@Route("staff/experts")
@Menu(title = "nav.experts", order = 28, icon = "vaadin:academy-cap")
@RolesAllowed({Role.DRAFTER_NAME, Role.ADMIN_NAME})
public class ExpertsView extends Main implements HasDynamicTitle {

    private final transient ExpertService experts;
    private final Grid<Expert> grid = new Grid<>();
    private final TextField text = new TextField();
    private final Select<String> field = new Select<>();
    private final Select<ExpertStatus> status = new Select<>();
    private final Div records = new Div();
    private final Div importReport = new Div();
    private Map<String, String> fieldNames;

    public ExpertsView(ExpertService experts) {
        this.experts = experts;
        addClassNames("kaimen-content", "kaimen-wide", "kaimen-experts");
        fieldNames = experts.fields().stream().collect(Collectors.toMap(Field::code, f -> f.name(getLocale()),
                (a, b) -> a, java.util.LinkedHashMap::new));

        text.setPlaceholder(getTranslation("experts.search"));
        text.setId("expert-search");
        text.addValueChangeListener(e -> refresh());
        field.setLabel(getTranslation("experts.field"));
        field.setItems(new ArrayList<>(fieldNames.keySet()));
        field.setItemLabelGenerator(c -> c == null ? getTranslation("experts.all") : fieldNames.get(c));
        field.setEmptySelectionAllowed(true);
        field.addValueChangeListener(e -> refresh());
        status.setLabel(getTranslation("experts.status"));
        status.setItems(ExpertStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("experts.all")
                : getTranslation("experts.status." + s.name()));
        status.setEmptySelectionAllowed(true);
        status.addValueChangeListener(e -> refresh());
        Button add = new Button(getTranslation("experts.new"), e -> edit(null));
        add.setId("expert-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] xlsx = experts.exportXlsx(null, null, null);
            return new DownloadResponse(new ByteArrayInputStream(xlsx), "experts.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.length);
        }), getTranslation("experts.export"));
        export.setId("expert-export");
        HorizontalLayout bar = new HorizontalLayout(text, field, status, add, export);
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        bar.setWrap(true);

        grid.setId("experts");
        grid.addColumn(Expert::name).setHeader(getTranslation("experts.name")).setAutoWidth(true);
        grid.addColumn(e -> e.title() == null ? "" : e.title()).setHeader(getTranslation("experts.title"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.organisation() == null ? "" : e.organisation())
                .setHeader(getTranslation("experts.organisation")).setFlexGrow(1);
        grid.addColumn(e -> getTranslation("experts.sector." + e.sector().name()))
                .setHeader(getTranslation("experts.sector")).setAutoWidth(true);
        grid.addColumn(e -> e.fields().stream().map(c -> fieldNames.getOrDefault(c, c))
                .collect(Collectors.joining("、"))).setHeader(getTranslation("experts.fields")).setFlexGrow(1);
        grid.addColumn(e -> getTranslation("experts.status." + e.status().name())
                        + (e.status() == ExpertStatus.PUBLIC_NOTICE ? " → " + e.noticeEndsOn() : ""))
                .setHeader(getTranslation("experts.status")).setAutoWidth(true);
        grid.addColumn(e -> e.termEnd() == null ? "" : e.termStart() + " – " + e.termEnd())
                .setHeader(getTranslation("experts.term")).setAutoWidth(true);
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setAllRowsVisible(true);

        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> ui.access(() ->
                importFile(bytes)))));
        upload.setAcceptedFileTypes(".xlsx");
        upload.setMaxFiles(1);
        upload.setId("expert-import");
        importReport.setId("expert-import-report");

        add(new H1(getTranslation("experts.heading")), bar, grid,
                new H2(getTranslation("experts.import")), new Paragraph(getTranslation("experts.import.help")),
                upload, importReport, new H2(getTranslation("experts.records", experts.currentYear())), records);
        refresh();
    }

    void refresh() {
        grid.setItems(experts.search(text.getValue(), field.getValue(), status.getValue(), 500, 0));
        showRecords();
    }

    /** Package-private for UI tests. */
    void importFile(byte[] bytes) {
        importReport.removeAll();
        ExpertService.ImportReport r = experts.importXlsx(new ByteArrayInputStream(bytes));
        Paragraph summary = new Paragraph(getTranslation("experts.import.summary", r.created(), r.updated(),
                r.problems().size()));
        summary.setId("expert-import-summary");
        importReport.add(summary);
        r.problems().forEach(p -> importReport.add(new Paragraph(getTranslation("experts.import.row", p.row(),
                getTranslation(p.messageKey(), p.detail())))));
        refresh();
    }

    private void showRecords() {
        records.removeAll();
        Grid<YearRecord> g = new Grid<>();
        g.setId("expert-records");
        g.addColumn(YearRecord::name).setHeader(getTranslation("experts.name")).setAutoWidth(true);
        g.addColumn(YearRecord::invitations).setHeader(getTranslation("experts.records.invitations"));
        g.addColumn(YearRecord::acceptances).setHeader(getTranslation("experts.records.acceptances"));
        g.addColumn(YearRecord::opinions).setHeader(getTranslation("experts.records.opinions"));
        g.addColumn(YearRecord::unexcusedAbsences).setHeader(getTranslation("experts.records.absences"));
        g.addColumn(YearRecord::missedOpinions).setHeader(getTranslation("experts.records.missed"));
        g.addColumn(r -> (r.dismissalWarning() ? getTranslation("experts.warning.dismissal") + " " : "")
                + (r.termEnding() ? getTranslation("experts.warning.term") : ""))
                .setHeader(getTranslation("experts.records.warnings")).setFlexGrow(1);
        g.setItems(experts.yearRecords(experts.currentYear()));
        g.setAllRowsVisible(true);
        records.add(g);
    }

    private void edit(Expert existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? getTranslation("experts.new") : existing.name());
        TextField name = new TextField(getTranslation("experts.name"));
        name.setId("expert-name");
        TextField title = new TextField(getTranslation("experts.title"));
        TextField organisation = new TextField(getTranslation("experts.organisation"));
        organisation.setId("expert-organisation");
        Select<Sector> sector = new Select<>();
        sector.setLabel(getTranslation("experts.sector"));
        sector.setItems(Sector.values());
        sector.setItemLabelGenerator(s -> getTranslation("experts.sector." + s.name()));
        sector.setValue(Sector.ACADEMIA);
        MultiSelectComboBox<String> fields = new MultiSelectComboBox<>(getTranslation("experts.fields"));
        fields.setItems(new ArrayList<>(fieldNames.keySet()));
        fields.setItemLabelGenerator(fieldNames::get);
        TextField email = new TextField(getTranslation("experts.email"));
        email.setId("expert-email");
        TextField phone = new TextField(getTranslation("experts.phone"));
        DatePicker start = new DatePicker(getTranslation("experts.term.start"));
        DatePicker end = new DatePicker(getTranslation("experts.term.end"));
        Checkbox committee = new Checkbox(getTranslation("experts.committee"));
        TextArea interests = new TextArea(getTranslation("experts.interests"));
        interests.setHelperText(getTranslation("experts.interests.help"));
        TextArea bio = new TextArea(getTranslation("experts.biography"));
        if (existing != null) {
            name.setValue(existing.name());
            title.setValue(nz(existing.title()));
            organisation.setValue(nz(existing.organisation()));
            sector.setValue(existing.sector());
            fields.setValue(existing.fields());
            email.setValue(existing.email());
            phone.setValue(nz(existing.phone()));
            start.setValue(existing.termStart());
            end.setValue(existing.termEnd());
            committee.setValue(existing.committeeMember());
            interests.setValue(existing.interests().stream().map(i -> i.role() == null ? i.organisation()
                    : i.organisation() + "：" + i.role()).collect(Collectors.joining("\n")));
            bio.setValue(nz(existing.biography()));
        }
        FormLayout form = new FormLayout(name, title, organisation, sector, fields, email, phone, start, end,
                committee, interests, bio);
        form.setColspan(interests, 2);
        form.setColspan(bio, 2);
        dialog.add(form);
        Button save = new Button(getTranslation("experts.save"), e -> ExpertUi.act(() -> {
            List<Interest> parsed = new ArrayList<>();
            for (String line : interests.getValue().split("\\R")) {
                if (!line.isBlank()) {
                    String[] parts = line.split("[:：]", 2);
                    parsed.add(new Interest(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null));
                }
            }
            ExpertForm f = new ExpertForm(name.getValue(), title.getValue(), organisation.getValue(),
                    sector.getValue(), bio.getValue(), email.getValue(), phone.getValue(),
                    existing == null ? "zh-CN" : existing.locale(), start.getValue(), end.getValue(),
                    committee.getValue(), new ArrayList<>(fields.getValue()), parsed);
            if (existing == null) {
                experts.create(f);
            } else {
                experts.update(existing.id(), f);
            }
            dialog.close();
        }));
        save.setId("expert-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("experts.cancel"), e -> dialog.close()));
        if (existing != null) {
            TextField reason = new TextField(getTranslation("experts.reason"));
            switch (existing.status()) {
                case CANDIDATE -> dialog.getFooter().add(new Button(getTranslation("experts.action.notice"),
                        e -> ExpertUi.act(() -> {
                            experts.startNotice(existing.id());
                            dialog.close();
                        })));
                case PUBLIC_NOTICE -> dialog.getFooter().add(new Button(getTranslation("experts.action.appoint"),
                        e -> ExpertUi.act(() -> {
                            experts.appoint(existing.id());
                            dialog.close();
                        })));
                case APPOINTED -> dialog.getFooter().add(reason, new Button(getTranslation("experts.action.suspend"),
                        e -> ExpertUi.act(() -> {
                            experts.suspend(existing.id(), reason.getValue());
                            dialog.close();
                        })));
                case SUSPENDED -> dialog.getFooter().add(new Button(getTranslation("experts.action.reinstate"),
                        e -> ExpertUi.act(() -> {
                            experts.reinstate(existing.id());
                            dialog.close();
                        })));
                default -> { }
            }
            if (existing.status() != ExpertStatus.RETIRED) {
                Button retire = new Button(getTranslation("experts.action.retire"), e -> ExpertUi.act(() -> {
                    experts.retire(existing.id(), reason.getValue());
                    dialog.close();
                }));
                retire.addThemeVariants(ButtonVariant.LUMO_ERROR);
                dialog.getFooter().add(retire);
            }
        }
        dialog.getFooter().add(save);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refresh();
            }
        });
        dialog.open();
    }


    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("experts.heading");
    }
}
