package org.kaimen.hearings.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kaimen.hearings.Correction;
import org.kaimen.hearings.Hearing;
import org.kaimen.hearings.HearingService;
import org.kaimen.hearings.Matter;
import org.kaimen.hearings.Outcome;
import org.kaimen.hearings.Participation;
import org.kaimen.hearings.TimelineStep;
import org.kaimen.hearings.TranscriptEntry;

/**
 * The clerk's console for one hearing: the statutory timeline with its warnings and the step buttons, the
 * registrations, the hearing day (agenda, speaking order, a timer per speaker, questions and the transcript typed
 * per speaker, matter and provision), the transcript review and sign-off, and the report.
 */
@Route("staff/hearings/:id(\\d+)")
@RolesAllowed({"DRAFTER", "ADMIN"})
public class HearingConsoleView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient HearingService hearings;
    private final transient Clock clock;
    private long id;
    private String title = "";
    private Instant timerStart;
    private org.kaimen.hearings.Registration timed;
    private final Span timer = new Span();
    private Registration poll;

    public HearingConsoleView(HearingService hearings, Clock clock) {
        this.hearings = hearings;
        this.clock = clock;
        addClassNames("kaimen-content", "kaimen-hearing");
        timer.setId("speaker-timer");
        timer.addClassName("kaimen-hearing-timer");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        if (hearings.find(id).isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show();
    }

    @Override
    protected void onAttach(AttachEvent e) {
        e.getUI().setPollInterval(1000);
        poll = e.getUI().addPollListener(p -> tick());
    }

    @Override
    protected void onDetach(DetachEvent e) {
        e.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }

    private void show() {
        removeAll();
        Hearing h = hearings.get(id);
        title = h.title();
        add(new H1(h.title()), new Paragraph(new Anchor("hearings/" + id, getTranslation("hearings.console.public"))));
        add(timeline(h), steps(h), registrations(), hearingDay(h), review(h), report(h));
    }

    private Div timeline(Hearing h) {
        Div box = new Div(new H2(getTranslation("hearings.console.timeline")));
        box.setId("hearing-timeline");
        for (TimelineStep s : hearings.timeline(id)) {
            Paragraph p = new Paragraph(getTranslation("hearings.step." + s.step().name().toLowerCase(),
                    s.daysBefore(), s.article()) + " — " + getTranslation("hearings.console.deadline",
                    Ui.when(s.deadline(), clock.getZone()), Ui.when(s.doneAt(), clock.getZone())) + " — "
                    + getTranslation("hearings.status." + s.status().name().toLowerCase()));
            if (s.status().warning()) {
                p.addClassName("kaimen-hearing-warning");
            }
            p.setId("timeline-" + s.step().name().toLowerCase());
            box.add(p);
        }
        return box;
    }

    private Div steps(Hearing h) {
        Button announce = action("hearings.console.announce", "announce", () -> hearings.announce(id));
        announce.setEnabled(!h.announced());
        TextField seedValue = new TextField(getTranslation("hearings.console.seed-value"));
        Button seed = action("hearings.console.seed", "announce-seed", () -> hearings.announceSeed(id,
                seedValue.getValue()));
        seed.setEnabled(h.announced() && h.seed() == null);
        Button draw = action("hearings.console.draw", "draw", () -> hearings.draw(id));
        draw.setEnabled(h.seed() != null && h.drawnAt() == null);
        Button speakers = action("hearings.console.notify-speakers", "notify-speakers",
                () -> hearings.notifySpeakers(id));
        speakers.setEnabled(h.drawnAt() != null && h.speakersNotifiedAt() == null);
        Button observers = action("hearings.console.notify-observers", "notify-observers",
                () -> hearings.notifyObservers(id));
        observers.setEnabled(h.drawnAt() != null && h.observersNotifiedAt() == null);
        HorizontalLayout row = new HorizontalLayout(announce, seedValue, seed, draw, speakers, observers);
        row.setWrap(true);
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        return new Div(row);
    }

    private Div registrations() {
        Grid<org.kaimen.hearings.Registration> grid = new Grid<>();
        grid.setId("registration-grid");
        grid.addColumn(org.kaimen.hearings.Registration::number).setHeader("#").setWidth("4em").setFlexGrow(0);
        grid.addColumn(r -> getTranslation("hearings.role." + r.role().name().toLowerCase()))
                .setHeader(getTranslation("hearings.register.role"));
        grid.addColumn(org.kaimen.hearings.Registration::name).setHeader(getTranslation("hearings.register.name"));
        grid.addColumn(r -> r.sector() == null ? "" : r.sector() + " · " + r.district())
                .setHeader(getTranslation("hearings.register.sector"));
        grid.addColumn(r -> r.role() == Participation.SPEAKER ? getTranslation("hearings.side."
                + r.side().name().toLowerCase()) : "").setHeader(getTranslation("hearings.console.side"));
        grid.addColumn(r -> getTranslation("hearings.outcome." + r.outcome().name().toLowerCase())
                + (r.invited() ? " · " + getTranslation("hearings.console.invited") : ""))
                .setHeader(getTranslation("hearings.console.outcome"));
        grid.setItems(hearings.registrations(id));
        grid.setAllRowsVisible(true);
        return new Div(new H2(getTranslation("hearings.console.registrations")), grid);
    }

    private Div hearingDay(Hearing h) {
        Div box = new Div(new H2(getTranslation("hearings.console.day")));
        box.setId("hearing-day");
        OrderedList agenda = new OrderedList();
        h.matters().forEach(m -> agenda.add(new ListItem(m.title())));
        box.add(new Paragraph(getTranslation("hearings.matters")), agenda);
        if (h.drawnAt() == null) {
            return box;
        }
        List<org.kaimen.hearings.Registration> speakers = hearings.registrations(id).stream()
                .filter(r -> r.outcome() == Outcome.SELECTED)
                .sorted(Comparator.comparing(org.kaimen.hearings.Registration::speakingOrder)).toList();
        OrderedList order = new OrderedList();
        order.setId("speaking-order");
        for (var r : speakers) {
            Button start = new Button(getTranslation("hearings.console.start"), e -> {
                timed = r;
                timerStart = clock.instant();
                tick();
            });
            start.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            ListItem item = new ListItem(new Span("#" + r.number() + " " + nameOf(r) + " "), start);
            if (h.heldAt() == null) {
                Button withdraw = action("hearings.console.withdraw", "withdraw-" + r.number(),
                        () -> hearings.withdraw(id, r.id()));
                withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY,
                        ButtonVariant.LUMO_ERROR);
                item.add(withdraw);
            }
            order.add(item);
        }
        box.add(new Paragraph(getTranslation("hearings.console.order", h.speakingMinutes())), order, timer);
        if (h.reviewUntil() != null || h.locked()) {
            box.add(transcript());
            return box;
        }
        ComboBox<TranscriptEntry.Kind> kind = new ComboBox<>(getTranslation("hearings.console.kind"));
        kind.setItems(TranscriptEntry.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("hearings.entry." + k.name().toLowerCase()));
        kind.setValue(TranscriptEntry.Kind.STATEMENT);
        ComboBox<org.kaimen.hearings.Registration> speaker = new ComboBox<>(getTranslation("hearings.console.speaker"));
        speaker.setItems(speakers);
        speaker.setItemLabelGenerator(r -> "#" + r.number() + " " + nameOf(r));
        TextField label = new TextField(getTranslation("hearings.console.label"));
        ComboBox<Matter> matter = new ComboBox<>(getTranslation("hearings.console.matter"));
        matter.setItems(h.matters());
        matter.setItemLabelGenerator(Matter::title);
        TextArea text = new TextArea(getTranslation("hearings.console.text"));
        text.setWidthFull();
        TextArea reasons = new TextArea(getTranslation("hearings.console.reasons"));
        reasons.setWidthFull();
        Button record = new Button(getTranslation("hearings.console.record"));
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.addClickListener(e -> {
            var r = speaker.getValue();
            Integer seconds = r != null && timed != null && timed.id() == r.id() && timerStart != null
                    ? (int) Duration.between(timerStart, clock.instant()).toSeconds() : null;
            Long matterId = matter.getValue() == null ? null : matter.getValue().id();
            Long provision = matter.getValue() == null || matter.getValue().provisionIds().isEmpty() ? null
                    : matter.getValue().provisionIds().get(0);
            if (Ui.attempt(this, () -> hearings.record(id, kind.getValue(), r == null ? null : r.id(),
                    label.getValue(), matterId, provision, text.getValue(), reasons.getValue(), seconds))) {
                show();
            }
        });
        HorizontalLayout who = new HorizontalLayout(kind, speaker, label, matter);
        who.setWrap(true);
        box.add(who, text, reasons, record, transcript());
        return box;
    }

    private Div transcript() {
        Div list = new Div(new H2(getTranslation("hearings.console.transcript")));
        list.setId("transcript");
        for (TranscriptEntry e : hearings.transcript(id)) {
            list.add(new Paragraph(e.position() + ". [" + getTranslation("hearings.entry."
                    + e.kind().name().toLowerCase()) + "] " + e.speakerLabel() + "：" + e.text()
                    + (e.reasons() == null ? "" : " " + getTranslation("hearings.entry.reasons", e.reasons()))));
        }
        return list;
    }

    private Div review(Hearing h) {
        Div box = new Div(new H2(getTranslation("hearings.console.review")));
        box.setId("hearing-review");
        if (h.reviewUntil() == null) {
            Button send = action("hearings.console.send-review", "send-review", () -> hearings.sendForReview(id));
            send.setEnabled(h.heldAt() != null);
            box.add(send);
            return box;
        }
        box.add(new Paragraph(getTranslation("hearings.console.review-until", Ui.when(h.reviewUntil(),
                clock.getZone()))));
        for (Correction c : hearings.corrections(id)) {
            Div row = new Div(new Paragraph(getTranslation("hearings.review.asked", c.requestedText(),
                    getTranslation("hearings.correction." + c.state().name().toLowerCase()),
                    c.note() == null ? "" : c.note())));
            if (c.state() == Correction.State.OPEN) {
                TextField reason = new TextField(getTranslation("hearings.console.reason"));
                row.add(new HorizontalLayout(
                        action("hearings.console.accept", "accept-" + c.id(), () -> hearings.resolve(c.id(), true,
                                reason.getValue())),
                        reason,
                        action("hearings.console.reject", "reject-" + c.id(), () -> hearings.resolve(c.id(), false,
                                reason.getValue()))));
            }
            box.add(row);
        }
        Button sign = action("hearings.console.sign-off", "sign-off", () -> hearings.signOff(id));
        sign.setEnabled(!h.locked());
        box.add(sign);
        if (h.locked()) {
            box.add(new Paragraph(getTranslation("hearings.console.locked", Ui.when(h.signedOffAt(),
                    clock.getZone()))));
        }
        return box;
    }

    private Div report(Hearing h) {
        Div box = new Div(new H2(getTranslation("hearings.console.report")));
        box.setId("hearing-report");
        TextArea facts = new TextArea(getTranslation("hearings.console.facts"));
        facts.setWidthFull();
        facts.setValue(h.reportFacts() == null ? "" : h.reportFacts());
        box.add(facts);
        java.util.Map<Long, TextArea> handling = new java.util.LinkedHashMap<>();
        for (Matter m : h.matters()) {
            TextArea t = new TextArea(getTranslation("hearings.console.handling", m.title()));
            t.setWidthFull();
            t.setValue(m.handling() == null ? "" : m.handling());
            handling.put(m.id(), t);
            box.add(t);
        }
        Button save = action("hearings.console.save", "save-report", () -> {
            hearings.setReportFacts(id, facts.getValue());
            handling.forEach((matterId, t) -> hearings.setHandling(id, matterId, t.getValue()));
        });
        Button publish = action("hearings.console.publish", "publish-report", () -> hearings.publishReport(id));
        publish.setEnabled(h.locked() && h.reportPublishedAt() == null);
        save.setEnabled(h.reportPublishedAt() == null);
        box.add(new HorizontalLayout(save, publish), new Paragraph(
                new Anchor("hearings/" + id + "/report", getTranslation("hearings.report.link"))));
        return box;
    }

    private Button action(String key, String buttonId, Runnable run) {
        Button b = new Button(getTranslation(key));
        b.setId(buttonId);
        b.addClickListener(e -> {
            if (Ui.attempt(this, run)) {
                show();
            }
        });
        return b;
    }

    private void tick() {
        if (timerStart == null || timed == null) {
            timer.setText("");
            return;
        }
        Duration d = Duration.between(timerStart, clock.instant());
        Optional<Hearing> h = hearings.find(id);
        int limit = h.map(Hearing::speakingMinutes).orElse(8) * 60;
        timer.setText(getTranslation("hearings.console.timer", timed.number(),
                String.format("%d:%02d", d.toMinutes(), d.toSecondsPart())));
        timer.getElement().getClassList().set("kaimen-hearing-warning", d.toSeconds() > limit);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** A registrant's name, empty once erased after the retention period (RegistrantRetention). */
    private static String nameOf(org.kaimen.hearings.Registration r) {
        return r.name() == null ? "" : r.name();
    }
}
