package org.kaimen.comments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kaimen.accounts.Role;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.ImportOutcome;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.comments.SubmittedComment;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.Provision;
import org.kaimen.shared.web.KaimenException;

/**
 * Comments that arrived on paper, by letter or e-mail, or at a 基层立法联系点: entered one by one, or imported from a
 * spreadsheet with a per-row report before anything is stored.
 */
@Route("staff/drafts/:draftId(\\d+)/offline")
@RolesAllowed({Role.DRAFTER_NAME, Role.ADMIN_NAME})
public class OfflineCommentsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CommentService comments;
    private final transient DraftService drafts;
    private DraftSummary draft;
    private byte[] uploaded;
    private String uploadedName;
    private final Div report = new Div();

    public OfflineCommentsView(CommentService comments, DraftService drafts) {
        this.comments = comments;
        this.drafts = drafts;
        addClassNames("kaimen-content", "kaimen-wide");
        report.setId("import-report");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            draft = drafts.get(Long.parseLong(event.getRouteParameters().get("draftId").orElseThrow()));
        } catch (KaimenException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        add(new H1(getTranslation("offline.heading", draft.title())));
        add(new H2(getTranslation("offline.single")), singleForm());
        add(new H2(getTranslation("offline.bulk")), bulkForm(), report);
    }

    private Div singleForm() {
        Select<Channel> channel = new Select<>();
        channel.setLabel(getTranslation("offline.channel"));
        channel.setItems(List.of(Channel.LIAISON_STATION, Channel.LETTER, Channel.EMAIL, Channel.HEARING,
                Channel.EXPERT));
        channel.setItemLabelGenerator(c -> getTranslation("comments.channel." + c.name()));
        channel.setValue(Channel.LIAISON_STATION);
        TextField station = new TextField(getTranslation("offline.station"));
        channel.addValueChangeListener(e -> station.setVisible(e.getValue() == Channel.LIAISON_STATION));
        Select<Provision> provision = new Select<>();
        provision.setLabel(getTranslation("offline.provision"));
        List<Provision> all = new ArrayList<>();
        flatten(drafts.tree(draft.id(), 0), all);
        provision.setItems(all);
        // Select renders its empty item through the generator too, with null.
        provision.setItemLabelGenerator(p -> p == null ? getTranslation("offline.whole-draft")
                : p.label() + (p.heading() == null ? "" : " " + p.heading()));
        provision.setEmptySelectionAllowed(true);
        provision.setEmptySelectionCaption(getTranslation("offline.whole-draft"));
        Select<Stance> stance = new Select<>();
        stance.setLabel(getTranslation("comments.stance"));
        stance.setItems(Stance.values());
        stance.setItemLabelGenerator(s -> getTranslation("comments.stance." + s.name()));
        TextArea text = new TextArea(getTranslation("comments.text"));
        text.setMaxLength(CommentService.MAX_LENGTH);
        TextArea proposed = new TextArea(getTranslation("comments.proposed"));
        TextField name = new TextField(getTranslation("comments.author.name"));
        TextField phone = new TextField(getTranslation("comments.author.phone"));
        TextField email = new TextField(getTranslation("comments.author.email"));
        FormLayout form = new FormLayout(channel, station, provision, stance, text, proposed, name, phone, email);
        form.setColspan(text, 2);
        form.setColspan(proposed, 2);
        String[] key = {UUID.randomUUID().toString()};
        Button save = new Button(getTranslation("offline.save"), e -> {
            try {
                SubmittedComment c = comments.submit(new NewComment(draft.id(),
                        provision.getValue() == null ? null : provision.getValue().id(), stance.getValue(),
                        text.getValue(), proposed.getValue(), null, null, channel.getValue(), station.getValue(),
                        new NewComment.Author(name.getValue(), email.getValue(), phone.getValue()), false, key[0],
                        null, null, null, true));
                Notification.show(getTranslation("offline.saved", c.receipt()));
                key[0] = UUID.randomUUID().toString();
                text.clear();
                proposed.clear();
                name.clear();
                phone.clear();
                email.clear();
            } catch (KaimenException ex) {
                Notification n = Notification.show(getTranslation(ex.messageKey(), ex.args()));
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new Div(form, save);
    }

    private Div bulkForm() {
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            uploaded = bytes;
            uploadedName = meta.fileName();
            check(false);
        }))));
        upload.setAcceptedFileTypes(".xlsx", ".csv");
        upload.setMaxFiles(1);
        upload.setId("offline-upload");
        Anchor template = new Anchor("/api/v1/comments/import-template.xlsx", getTranslation("offline.template"));
        template.getElement().setAttribute("download", true);
        return new Div(new Paragraph(getTranslation("offline.bulk.help")), template, upload);
    }

    /** Checks (and with {@code acceptValid}, imports) the uploaded file. Package-private for UI tests. */
    void check(boolean acceptValid) {
        report.removeAll();
        try {
            ImportOutcome outcome = comments.importOffline(draft.id(), uploadedName, uploaded, acceptValid);
            show(outcome, acceptValid);
        } catch (KaimenException ex) {
            Div error = new Div(getTranslation(ex.messageKey(), ex.args()));
            error.addClassNames("kaimen-notice", "kaimen-notice-error");
            report.add(error);
        }
    }

    void upload(String name, byte[] content) {
        uploadedName = name;
        uploaded = content;
        check(false);
    }

    private void show(ImportOutcome outcome, boolean accepted) {
        Paragraph summary = new Paragraph(getTranslation("offline.summary", outcome.totalRows(), outcome.validRows(),
                outcome.problems().size(), outcome.imported(), outcome.alreadyImported()));
        summary.setId("import-summary");
        report.add(summary);
        outcome.warnings().forEach(w -> report.add(new Paragraph(w)));
        if (outcome.hasProblems()) {
            Grid<ImportOutcome.Problem> grid = new Grid<>();
            grid.setId("import-problems");
            grid.addColumn(ImportOutcome.Problem::row).setHeader(getTranslation("offline.row")).setAutoWidth(true);
            grid.addColumn(ImportOutcome.Problem::column).setHeader(getTranslation("offline.column"))
                    .setAutoWidth(true);
            grid.addColumn(ImportOutcome.Problem::message).setHeader(getTranslation("offline.problem")).setFlexGrow(1);
            grid.setItems(outcome.problems());
            grid.setAllRowsVisible(true);
            report.add(grid);
        }
        if (!accepted && outcome.validRows() > 0) {
            Button importValid = new Button(outcome.hasProblems()
                    ? getTranslation("offline.import-valid", outcome.validRows())
                    : getTranslation("offline.import-all", outcome.validRows()), e -> check(true));
            importValid.setId("import-valid");
            importValid.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            report.add(importValid);
        }
    }

    private static void flatten(List<Provision> nodes, List<Provision> out) {
        for (Provision p : nodes) {
            out.add(p);
            flatten(p.children(), out);
        }
    }

    @Override
    public String getPageTitle() {
        return draft == null ? "" : getTranslation("offline.heading", draft.title());
    }
}
