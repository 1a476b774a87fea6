package org.kaimen.experts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kaimen.accounts.Role;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.Provision;
import org.kaimen.experts.ConsultationService;
import org.kaimen.experts.ConsultationService.PortalItem;
import org.kaimen.experts.OpinionEntry;
import org.kaimen.shared.web.KaimenException;

/**
 * Where an invited expert, signed in by the link in the mail, reads the provisions under consultation and writes an
 * opinion on each (stance, reasons, proposed wording), plus one on the draft as a whole, and attaches a file.
 */
@Route("expert/portal")
@Menu(title = "nav.expert-portal", order = 5, icon = "vaadin:book")
@RolesAllowed(Role.EXPERT_NAME)
public class ExpertPortalView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient ConsultationService consultations;
    private final transient DraftService drafts;

    /** One opinion form; package-private for UI tests. */
    record Entry(Long provisionId, Select<Stance> stance, TextArea text, TextArea proposed) {
    }

    public ExpertPortalView(ConsultationService consultations, DraftService drafts) {
        this.consultations = consultations;
        this.drafts = drafts;
        addClassNames("kaimen-content", "kaimen-expert-portal");
        refresh();
    }

    private void refresh() {
        removeAll();
        add(new H1(getTranslation("experts.portal.heading")));
        List<PortalItem> items = consultations.myConsultations();
        if (items.isEmpty()) {
            add(new Paragraph(getTranslation("experts.portal.none")));
        }
        items.forEach(this::consultation);
    }

    private void consultation(PortalItem item) {
        Div box = new Div();
        box.addClassName("kaimen-expert-consultation");
        box.add(new H2(item.consultation().title()), new Paragraph(getTranslation("experts.portal.facts",
                item.consultation().draftTitle(), WHEN.format(item.consultation().opinionDue()
                        .atZoneSameInstant(ZoneId.of("Asia/Shanghai"))))),
                new Paragraph(getTranslation("experts.portal.public")));
        List<Provision> provisions = new ArrayList<>();
        if (item.consultation().provisionIds().isEmpty()) {
            ExpertUi.articles(drafts.tree(item.consultation().draftId(), 0), provisions);
        } else {
            item.consultation().provisionIds().forEach(id -> drafts.provision(item.consultation().draftId(), id)
                    .ifPresent(provisions::add));
        }
        List<Entry> entries = new ArrayList<>();
        for (Provision p : provisions) {
            Entry e = entry(p.id(), item);
            entries.add(e);
            Details d = new Details(p.label() + (p.heading() == null ? "" : " " + p.heading()),
                    new Paragraph(p.fullText()), e.stance(), e.text(), e.proposed());
            d.setOpened(true);
            box.add(d);
        }
        Entry whole = entry(null, item);
        entries.add(whole);
        box.add(new Details(getTranslation("experts.portal.whole"), whole.stance(), whole.text()));
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> ui.access(() ->
                ExpertUi.act(() -> {
                    consultations.attach(item.invitation().id(), meta.fileName(), meta.contentType(), bytes);
                    Notification.show(getTranslation("experts.portal.attached", meta.fileName()));
                })))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(10 * 1024 * 1024);
        box.add(new Paragraph(getTranslation("experts.portal.attachment")), upload);
        item.attachments().forEach(a -> box.add(new Paragraph("📎 " + a)));
        Button submit = new Button(getTranslation("experts.portal.submit"), e -> ExpertUi.act(() -> {
            submit(item, entries);
            refresh();
        }));
        submit.setId("opinion-submit-" + item.invitation().id());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(submit);
        add(box);
    }

    /** Package-private for UI tests. */
    int submit(PortalItem item, List<Entry> entries) {
        int n = consultations.submitOpinions(item.invitation().id(), entries.stream()
                .filter(e -> !e.text().getValue().isBlank())
                .map(e -> new OpinionEntry(e.provisionId(), e.stance().getValue(), e.text().getValue(),
                        e.proposed() == null ? null : e.proposed().getValue()))
                .toList());
        Notification.show(getTranslation("experts.portal.submitted", n));
        return n;
    }

    private Entry entry(Long provisionId, PortalItem item) {
        OpinionEntry earlier = item.opinions().stream().filter(o -> Objects.equals(o.provisionId(), provisionId))
                .findFirst().orElse(null);
        Select<Stance> stance = new Select<>();
        stance.setLabel(getTranslation("comments.stance"));
        stance.setItems(Stance.values());
        stance.setItemLabelGenerator(s -> getTranslation("comments.stance." + s.name()));
        stance.setValue(earlier == null ? Stance.MODIFY : earlier.stance());
        TextArea text = new TextArea(getTranslation("experts.portal.opinion"));
        text.setMaxLength(5000);
        text.setWidthFull();
        TextArea proposed = new TextArea(getTranslation("comments.proposed"));
        proposed.setWidthFull();
        if (earlier != null) {
            text.setValue(earlier.text());
            text.setReadOnly(true);
            stance.setReadOnly(true);
            proposed.setValue(earlier.proposedText() == null ? "" : earlier.proposedText());
            proposed.setReadOnly(true);
        }
        return new Entry(provisionId, stance, text, provisionId == null ? null : proposed);
    }



    @Override
    public String getPageTitle() {
        return getTranslation("experts.portal.heading");
    }
}
