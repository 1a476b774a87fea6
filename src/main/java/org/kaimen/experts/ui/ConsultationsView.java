package org.kaimen.experts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.Provision;
import org.kaimen.experts.Attendance;
import org.kaimen.experts.Consultation;
import org.kaimen.experts.ConsultationKind;
import org.kaimen.experts.ConsultationService;
import org.kaimen.experts.Draw;
import org.kaimen.experts.Expert;
import org.kaimen.experts.ExpertService;
import org.kaimen.experts.Field;
import org.kaimen.experts.Invitation;
import org.kaimen.experts.InvitationStatus;
import org.kaimen.experts.NewConsultation;
import org.kaimen.shared.web.KaimenException;

/**
 * Consulting experts on a draft: the clerk sets up a consultation, draws, adjusts the list with reasons, sends the
 * invitations and follows each answer and each mail's delivery; replacements appear here as they are drawn.
 */
@Route("staff/experts/consultations")
@Menu(title = "nav.expert-consultations", order = 29, icon = "vaadin:users")
@RolesAllowed({Role.DRAFTER_NAME, Role.ADMIN_NAME})
public class ConsultationsView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final transient ConsultationService consultations;
    private final transient DraftService drafts;
    private final Grid<Consultation> list = new Grid<>();
    private final Div detail = new Div();
    private final Map<String, String> fieldNames;

    public ConsultationsView(ConsultationService consultations, ExpertService experts, DraftService drafts) {
        this.consultations = consultations;
        this.drafts = drafts;
        addClassNames("kaimen-content", "kaimen-wide", "kaimen-expert-consultations");
        fieldNames = experts.fields().stream().collect(Collectors.toMap(Field::code, f -> f.name(getLocale()),
                (a, b) -> a, java.util.LinkedHashMap::new));
        list.setId("consultations");
        list.addColumn(Consultation::title).setHeader(getTranslation("experts.consultation.title")).setFlexGrow(1);
        list.addColumn(Consultation::draftTitle).setHeader(getTranslation("experts.consultation.draft"))
                .setFlexGrow(1);
        list.addColumn(c -> getTranslation("mail.expert.kind." + c.kind().name().toLowerCase()))
                .setHeader(getTranslation("experts.consultation.kind")).setAutoWidth(true);
        list.addColumn(c -> WHEN.format(c.opinionDue().atZoneSameInstant(ZONE)))
                .setHeader(getTranslation("experts.consultation.due")).setAutoWidth(true);
        list.setAllRowsVisible(true);
        list.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::show));
        detail.setId("consultation-detail");
        add(new H1(getTranslation("experts.consultations.heading")), list, detail,
                new H2(getTranslation("experts.consultation.new")), newForm());
        list.setItems(consultations.consultations(null));
    }

    private Div newForm() {
        Select<DraftSummary> draft = new Select<>();
        draft.setLabel(getTranslation("experts.consultation.draft"));
        draft.setItems(drafts.allDrafts());
        draft.setItemLabelGenerator(DraftSummary::title);
        Select<ConsultationKind> kind = new Select<>();
        kind.setLabel(getTranslation("experts.consultation.kind"));
        kind.setItems(ConsultationKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("mail.expert.kind." + k.name().toLowerCase()));
        kind.setValue(ConsultationKind.WRITTEN);
        TextField title = new TextField(getTranslation("experts.consultation.title"));
        MultiSelectComboBox<Provision> provisions = new MultiSelectComboBox<>(
                getTranslation("experts.consultation.provisions"));
        provisions.setItemLabelGenerator(p -> p.label() + (p.heading() == null ? "" : " " + p.heading()));
        draft.addValueChangeListener(e -> {
            List<Provision> articles = new ArrayList<>();
            ExpertUi.articles(drafts.tree(e.getValue().id(), 0), articles);
            provisions.setItems(articles);
        });
        MultiSelectComboBox<String> fields = new MultiSelectComboBox<>(getTranslation("experts.fields"));
        fields.setItems(new ArrayList<>(fieldNames.keySet()));
        fields.setItemLabelGenerator(fieldNames::get);
        TextArea stakeholders = new TextArea(getTranslation("experts.consultation.stakeholders"));
        stakeholders.setHelperText(getTranslation("experts.consultation.stakeholders.help"));
        IntegerField wanted = new IntegerField(getTranslation("experts.consultation.wanted"));
        wanted.setValue(5);
        wanted.setMin(1);
        wanted.setMax(50);
        IntegerField answerDays = new IntegerField(getTranslation("experts.consultation.answer-days"));
        answerDays.setValue(5);
        DateTimePicker due = new DateTimePicker(getTranslation("experts.consultation.due"));
        DateTimePicker meeting = new DateTimePicker(getTranslation("experts.consultation.meeting"));
        TextField seed = new TextField(getTranslation("experts.consultation.seed"));
        seed.setHelperText(getTranslation("experts.consultation.seed.help"));
        FormLayout form = new FormLayout(draft, kind, title, provisions, fields, stakeholders, wanted, answerDays,
                due, meeting, seed);
        Button create = new Button(getTranslation("experts.consultation.create"), e -> ExpertUi.act(() -> {
            if (draft.getValue() == null || due.getValue() == null) {
                throw new KaimenException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY,
                        "experts.error.deadlines");
            }
            long id = consultations.create(new NewConsultation(draft.getValue().id(), kind.getValue(),
                    title.getValue(), provisions.getValue().stream().map(Provision::id).toList(),
                    new ArrayList<>(fields.getValue()), Arrays.stream(stakeholders.getValue().split("\\R"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList(),
                    wanted.getValue() == null ? 0 : wanted.getValue(),
                    Duration.ofDays(answerDays.getValue() == null ? 0 : answerDays.getValue()),
                    due.getValue().atZone(ZONE).toOffsetDateTime(),
                    meeting.getValue() == null ? null : meeting.getValue().atZone(ZONE).toOffsetDateTime(),
                    seed(seed.getValue())));
            list.setItems(consultations.consultations(null));
            show(consultations.get(id));
        }));
        create.setId("consultation-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new Div(form, create);
    }

    /** Package-private for UI tests. */
    void show(Consultation c) {
        detail.removeAll();
        detail.add(new H2(c.title()), new Paragraph(getTranslation("experts.consultation.facts", c.draftTitle(),
                c.department() == null ? "—" : c.department(), String.join("、", c.stakeholders()), c.wanted(),
                c.seed())));
        List<Invitation> invitations = consultations.invitations(c.id());
        Button draw = new Button(getTranslation("experts.consultation.draw"), e -> ExpertUi.act(() -> {
            consultations.draw(c.id());
            show(c);
        }));
        draw.setId("consultation-draw");
        draw.setEnabled(invitations.isEmpty());
        Button send = new Button(getTranslation("experts.consultation.send"), e -> ExpertUi.act(() -> {
            int n = consultations.send(c.id());
            Notification.show(getTranslation("experts.consultation.sent", n));
            show(c);
        }));
        send.setId("consultation-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setEnabled(invitations.stream().anyMatch(i -> i.status() == InvitationStatus.PROPOSED));
        detail.add(new HorizontalLayout(draw, send));

        Grid<Invitation> grid = new Grid<>();
        grid.setId("invitations");
        grid.addColumn(Invitation::expertName).setHeader(getTranslation("experts.name")).setAutoWidth(true);
        grid.addColumn(i -> i.organisation() == null ? "" : i.organisation())
                .setHeader(getTranslation("experts.organisation")).setFlexGrow(1);
        grid.addColumn(i -> getTranslation("experts.sector." + i.sector().name()))
                .setHeader(getTranslation("experts.sector")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation("experts.source." + i.source())).setHeader(
                getTranslation("experts.invitation.source")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation("experts.invitation.status." + i.status().name())
                        + (i.declaration() == null ? "" : " — " + i.declaration())
                        + (i.answerNote() == null ? "" : " — " + i.answerNote()))
                .setHeader(getTranslation("experts.invitation.status")).setFlexGrow(1);
        grid.addColumn(i -> i.expiresAt() == null ? "" : WHEN.format(i.expiresAt().atZoneSameInstant(ZONE)))
                .setHeader(getTranslation("experts.invitation.expires")).setAutoWidth(true);
        grid.addColumn(i -> consultations.delivery(i.id()).map(d -> getTranslation("experts.delivery." + d.status(),
                        d.attempts(), d.lastError() == null ? "" : d.lastError())).orElse(""))
                .setHeader(getTranslation("experts.invitation.delivery")).setFlexGrow(1);
        grid.addComponentColumn(i -> actions(c, i)).setHeader("").setAutoWidth(true);
        grid.setItems(invitations);
        grid.setAllRowsVisible(true);
        detail.add(grid, addForm(c), draws(c));
    }

    private HorizontalLayout actions(Consultation c, Invitation i) {
        HorizontalLayout row = new HorizontalLayout();
        if (i.status() == InvitationStatus.PROPOSED) {
            TextField reason = new TextField();
            reason.setPlaceholder(getTranslation("experts.reason"));
            row.add(reason, new Button(getTranslation("experts.consultation.remove"), e -> ExpertUi.act(() -> {
                consultations.remove(c.id(), i.expertId(), reason.getValue());
                show(c);
            })));
        }
        if (i.status() == InvitationStatus.ACCEPTED) {
            Select<Attendance> attendance = new Select<>();
            attendance.setItems(Attendance.values());
            attendance.setItemLabelGenerator(a -> a == null ? "" : getTranslation("experts.attendance." + a.name()));
            attendance.setEmptySelectionAllowed(true);
            attendance.setValue(i.attendance());
            attendance.addValueChangeListener(e -> ExpertUi.act(() -> consultations.recordAttendance(i.id(), e.getValue())));
            row.add(attendance);
            consultations.attachments(i.id()).forEach(a -> row.add(new com.vaadin.flow.component.html.Anchor(
                    com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
                        var file = consultations.attachment(a.id());
                        return new com.vaadin.flow.server.streams.DownloadResponse(
                                new java.io.ByteArrayInputStream(file.content()), file.filename(),
                                file.contentType(), file.content().length);
                    }), "📎 " + a.filename())));
        }
        return row;
    }

    private Div addForm(Consultation c) {
        ComboBox<Expert> expert = new ComboBox<>(getTranslation("experts.consultation.add-expert"));
        expert.setItems(consultations.eligible(c.id()));
        expert.setItemLabelGenerator(e -> e.name() + "（" + (e.organisation() == null ? "" : e.organisation()) + "）");
        TextField reason = new TextField(getTranslation("experts.reason"));
        Button add = new Button(getTranslation("experts.consultation.add"), e -> ExpertUi.act(() -> {
            if (expert.getValue() != null) {
                consultations.add(c.id(), expert.getValue().id(), reason.getValue());
                show(c);
            }
        }));
        HorizontalLayout row = new HorizontalLayout(expert, reason, add);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        return new Div(row);
    }

    private Div draws(Consultation c) {
        Div div = new Div(new H2(getTranslation("experts.draws")));
        for (Draw d : consultations.draws(c.id())) {
            Button check = new Button(getTranslation("experts.draws.recompute"));
            check.addClickListener(e -> {
                boolean same = consultations.recompute(c.id(), d.round()).equals(d.picked());
                check.setText(getTranslation(same ? "experts.draws.same" : "experts.draws.differs"));
            });
            check.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            div.add(new HorizontalLayout(new Paragraph(getTranslation("experts.draws.row", d.round(), d.seed(),
                    d.picked().size(), d.reason(), WHEN.format(d.at().atZoneSameInstant(ZONE)))), check));
        }
        return div;
    }



    private static Long seed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new KaimenException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "experts.error.seed");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("experts.consultations.heading");
    }
}
