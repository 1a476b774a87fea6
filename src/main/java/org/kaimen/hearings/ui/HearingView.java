package org.kaimen.hearings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kaimen.hearings.Hearer;
import org.kaimen.hearings.Hearing;
import org.kaimen.hearings.HearingService;
import org.kaimen.hearings.LotteryRecord;
import org.kaimen.hearings.Matter;
import org.kaimen.hearings.Participation;
import org.kaimen.hearings.RegistrationForm;
import org.kaimen.hearings.Side;
import org.kaimen.hearings.SpeakerLottery;

/**
 * The public notice of a hearing (公告, 第十条): matters, time and place, hearers; the registration form while it is
 * open; and the lottery in plain words with its seed, input list (registration numbers, not names) and result, so
 * anyone can recompute it. One column, so it reads on a 360 px phone.
 */
@Route("hearings/:id(\\d+)")
@AnonymousAllowed
public class HearingView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient HearingService hearings;
    private final transient Clock clock;
    private String title = "";

    public HearingView(HearingService hearings, Clock clock) {
        this.hearings = hearings;
        this.clock = clock;
        addClassNames("kaimen-content", "kaimen-hearing");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        Optional<Hearing> found = hearings.find(id);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        Hearing h = found.get();
        title = h.title();
        H1 heading = new H1(h.title());
        heading.setId("hearing-title");
        add(heading, notice(h));
        if (h.registrationOpen(OffsetDateTime.now(clock))) {
            add(registration(h));
        }
        add(lottery(h));
        if (h.reportPublishedAt() != null) {
            Anchor report = new Anchor("hearings/" + h.id() + "/report", getTranslation("hearings.report.link"));
            report.setId("hearing-report-link");
            add(new Paragraph(report));
        }
    }

    private Section notice(Hearing h) {
        var zone = clock.getZone();
        Section s = new Section();
        s.setId("hearing-notice");
        s.add(Ui.line(getTranslation("hearings.notice.when", Ui.when(h.startsAt(), zone))));
        if (h.place() != null) {
            s.add(Ui.line(getTranslation("hearings.notice.place", h.place())));
        }
        if (h.onlineLink() != null) {
            s.add(new Paragraph(new Anchor(h.onlineLink(), getTranslation("hearings.notice.online"))));
        }
        s.add(new Paragraph(new Anchor("drafts/" + h.draftId(), getTranslation("hearings.notice.draft"))));
        s.add(Ui.line(getTranslation("hearings.notice.capacity", h.speakerCapacity(), h.observerCapacity())));
        s.add(Ui.line(getTranslation("hearings.notice.closes", Ui.when(h.registrationClosesAt(), zone))));
        s.add(new H2(getTranslation("hearings.matters")));
        OrderedList matters = new OrderedList();
        for (Matter m : h.matters()) {
            String where = m.provisionLabels().isEmpty() ? "" : "（" + String.join("、", m.provisionLabels()) + "）";
            matters.add(new ListItem(m.title() + where));
        }
        s.add(matters);
        s.add(new H2(getTranslation("hearings.hearers")));
        UnorderedList hearers = new UnorderedList();
        for (Hearer x : h.hearers()) {
            hearers.add(new ListItem(x.name() + (x.affiliation() == null ? "" : "（" + x.affiliation() + "）")
                    + (x.presiding() ? " · " + getTranslation("hearings.presiding") : "")));
        }
        s.add(hearers);
        return s;
    }

    private Section registration(Hearing h) {
        Section s = new Section(new H2(getTranslation("hearings.register.heading")),
                new Paragraph(getTranslation("hearings.register.intro")));
        s.setId("hearing-registration");
        RadioButtonGroup<Participation> role = new RadioButtonGroup<>(getTranslation("hearings.register.role"));
        role.setItems(Participation.values());
        role.setItemLabelGenerator(p -> getTranslation("hearings.role." + p.name().toLowerCase()));
        role.setValue(Participation.SPEAKER);
        role.setId("register-role");
        TextField name = field("hearings.register.name", "register-name");
        EmailField email = new EmailField(getTranslation("hearings.register.email"));
        email.setId("register-email");
        email.setWidthFull();
        TextField sector = field("hearings.register.sector", "register-sector");
        TextField district = field("hearings.register.district", "register-district");
        TextField expertise = field("hearings.register.expertise", "register-expertise");
        TextArea points = new TextArea(getTranslation("hearings.register.key-points"));
        points.setId("register-key-points");
        points.setWidthFull();
        points.setMaxLength(3000);
        Div stances = new Div();
        Map<Long, RadioButtonGroup<Side>> perMatter = new LinkedHashMap<>();
        for (Matter m : h.matters()) {
            RadioButtonGroup<Side> g = new RadioButtonGroup<>(m.title());
            g.setItems(Side.values());
            g.setItemLabelGenerator(x -> getTranslation("hearings.side." + x.name().toLowerCase()));
            g.setId("register-stance-" + m.position());
            perMatter.put(m.id(), g);
            stances.add(g);
        }
        Div speakerFields = new Div(sector, district, expertise, stances, points);
        role.addValueChangeListener(e -> speakerFields.setVisible(e.getValue() == Participation.SPEAKER));
        Paragraph result = new Paragraph();
        result.setId("register-result");
        Button submit = new Button(getTranslation("hearings.register.submit"));
        submit.setId("register-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> {
            Map<Long, Side> chosen = perMatter.entrySet().stream().filter(x -> x.getValue().getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, x -> x.getValue().getValue()));
            boolean speaker = role.getValue() == Participation.SPEAKER;
            int[] number = new int[1];
            if (Ui.attempt(this, () -> number[0] = hearings.register(h.id(), new RegistrationForm(role.getValue(),
                    name.getValue(), email.getValue(), speaker ? sector.getValue() : null,
                    speaker ? district.getValue() : null, speaker ? expertise.getValue() : null,
                    speaker ? points.getValue() : null, speaker ? chosen : Map.of(),
                    getLocale().toLanguageTag())))) {
                result.setText(getTranslation("hearings.register.done", number[0], email.getValue()));
                submit.setEnabled(false);
            }
        });
        s.add(role, name, email, speakerFields, new Paragraph(getTranslation("hearings.register.privacy")), submit,
                result);
        return s;
    }

    private TextField field(String key, String id) {
        TextField f = new TextField(getTranslation(key));
        f.setId(id);
        f.setWidthFull();
        return f;
    }

    private Section lottery(Hearing h) {
        Section s = new Section(new H2(getTranslation("hearings.lottery.heading")));
        s.setId("hearing-lottery");
        OrderedList rules = new OrderedList();
        for (int i = 1; i <= 4; i++) {
            rules.add(new ListItem(getTranslation("hearings.lottery.rule" + i)));
        }
        s.add(rules);
        Optional<LotteryRecord> record = hearings.lottery(h.id());
        if (record.isEmpty()) {
            s.add(Ui.line(getTranslation("hearings.lottery.no-seed")));
            return s;
        }
        LotteryRecord r = record.get();
        Paragraph seed = new Paragraph(getTranslation("hearings.lottery.seed", r.seed(),
                Ui.when(r.seedAnnouncedAt(), clock.getZone()), r.seats()));
        seed.setId("lottery-seed");
        s.add(seed);
        UnorderedList input = new UnorderedList();
        input.setId("lottery-input");
        for (SpeakerLottery.Candidate c : r.candidates()) {
            input.add(new ListItem("#" + c.number() + " · " + getTranslation("hearings.side."
                    + c.side().name().toLowerCase()) + " · " + nz(c.sector()) + " · " + nz(c.district())));
        }
        s.add(new Paragraph(getTranslation("hearings.lottery.input")), input);
        if (!r.invited().isEmpty()) {
            s.add(Ui.line(getTranslation("hearings.lottery.invited", numbers(r.invited()))));
        }
        if (r.result() != null) {
            Paragraph selected = new Paragraph(getTranslation("hearings.lottery.selected",
                    numbers(r.result().selected())));
            selected.setId("lottery-selected");
            s.add(selected, Ui.line(getTranslation("hearings.lottery.waiting", numbers(r.result().waiting()))));
        }
        return s;
    }

    private static String numbers(java.util.List<Integer> ns) {
        return ns.isEmpty() ? "—" : ns.stream().map(n -> "#" + n).collect(Collectors.joining("、"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
