package org.kaimen.comments.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.io.ByteArrayInputStream;
import org.kaimen.accounts.AccountService;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.MyComment;

/** A citizen's own comments with their receipt numbers and status (and, once answered, how they were handled). */
@Route("my-comments")
@Menu(title = "nav.my-comments", order = 10, icon = "vaadin:comment-ellipsis-o")
@PermitAll
public class MyCommentsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final transient CommentService comments;
    private final transient AccountService accounts;
    private final transient ObjectMapper json;
    private final transient AuthenticationContext authentication;

    public MyCommentsView(CommentService comments, AccountService accounts, ObjectMapper json,
                          AuthenticationContext authentication) {
        this.comments = comments;
        this.accounts = accounts;
        this.json = json;
        this.authentication = authentication;
        addClassNames("kaimen-content", "kaimen-my-comments");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("nav.my-comments")));
        List<MyComment> mine = comments.myComments();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("comments.mine.none")), new Anchor("", getTranslation("nav.home")));
            add(personalData());
            return;
        }
        Div list = new Div();
        list.setId("my-comments");
        for (MyComment c : mine) {
            Div card = new Div();
            card.addClassName("kaimen-card");
            Anchor draft = new Anchor("drafts/" + c.draftId(), c.draftTitle());
            draft.addClassName("kaimen-card-title");
            Span status = new Span(getTranslation("comments.status." + c.status().name()));
            status.getElement().getThemeList().add("badge");
            if (c.status() == CommentStatus.PUBLISHED) {
                status.getElement().getThemeList().add("success");
            }
            Div meta = new Div(status, new Span(getTranslation("comments.receipt") + " " + c.receipt()),
                    new Span(TIME.format(c.createdAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai")))));
            if (c.provisionLabel() != null) {
                meta.add(new Span(c.provisionLabel()));
            }
            meta.add(new Span(getTranslation("comments.mine.version", c.version())));
            meta.addClassName("kaimen-card-meta");
            card.add(draft, meta, new Paragraph(getTranslation("comments.stance." + c.stance().name()) + "："
                    + c.text()));
            if (c.disposition() != null) {
                // How the drafting group handled it: the disposition of the opinion this comment was merged into.
                Div handled = new Div(new Span(getTranslation("comments.mine.handled",
                        getTranslation("feedback.disposition." + c.disposition()))));
                if (c.dispositionReason() != null && !c.dispositionReason().isBlank()) {
                    handled.add(new Paragraph(c.dispositionReason()));
                }
                // The draft's adoption report (a page of the feedback module, linked by address only).
                handled.add(new Anchor("drafts/" + c.draftId() + "/report", getTranslation("comments.mine.report")));
                handled.addClassNames("kaimen-notice", "kaimen-disposition");
                card.add(handled);
            }
            list.add(card);
        }
        add(list, personalData());
    }

    /** 个人信息保护法 第四十五条 and 第四十七条: the person may copy their data and have it deleted. */
    private Div personalData() {
        Div section = new Div(new H2(getTranslation("mine.personal-data")),
                new Paragraph(getTranslation("mine.personal-data.hint")));
        section.setId("personal-data");
        section.addClassName("kaimen-card");
        Anchor download = new Anchor(new StreamResource("kaimen-personal-data.json", () -> {
            try {
                return new ByteArrayInputStream(json.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(accounts.exportMyData()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), getTranslation("mine.personal-data.download"));
        download.getElement().setAttribute("download", true);
        download.setId("personal-data-download");
        Button erase = new Button(getTranslation("mine.personal-data.erase"), e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(getTranslation("mine.personal-data.erase"));
            confirm.setText(getTranslation("mine.personal-data.erase-confirm"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.setConfirmText(getTranslation("mine.personal-data.erase"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(c -> {
                accounts.eraseMe();
                Notification.show(getTranslation("mine.personal-data.erased"));
                authentication.logout();
            });
            confirm.open();
        });
        erase.setId("personal-data-erase");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        section.add(new Div(download), erase);
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.my-comments");
    }
}
