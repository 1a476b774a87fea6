package org.kaimen.comments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.PublicComment;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.Provision;
import org.kaimen.shared.web.KaimenException;

/** The published comments on one article, masked, with +1, replies shown under their comment, and reporting. */
class ArticleCommentsDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    ArticleCommentsDialog(CommentService comments, DraftSummary draft, Provision article) {
        setHeaderTitle(getTranslation("comments.list.title", article.label()));
        setWidth("min(46rem, 100vw)");
        addClassName("kaimen-comments-dialog");
        List<Long> ids = ids(article);
        List<PublicComment> all = ids.stream()
                .flatMap(id -> comments.publicComments(draft.id(), id, null, 0, 100).items().stream()).toList();
        Map<Long, List<PublicComment>> replies = all.stream().filter(c -> c.parentId() != null)
                .collect(Collectors.groupingBy(PublicComment::parentId));
        Div list = new Div();
        list.setId("article-comments");
        all.stream().filter(c -> c.parentId() == null)
                .sorted(java.util.Comparator.comparing(PublicComment::createdAt).reversed())
                .forEach(c -> list.add(card(comments, c, replies.getOrDefault(c.id(), List.of()))));
        if (list.getComponentCount() == 0) {
            list.add(new Paragraph(getTranslation("comments.list.none")));
        }
        add(list);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
    }

    private Div card(CommentService comments, PublicComment c, List<PublicComment> replies) {
        Div card = new Div();
        card.addClassName("kaimen-comment");
        Span who = new Span(c.author() == null ? getTranslation("comments.anonymous") : c.author());
        who.addClassName("kaimen-comment-author");
        Span stance = new Span(getTranslation("comments.stance." + c.stance().name()));
        stance.getElement().getThemeList().add("badge");
        Span when = new Span(TIME.format(c.createdAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))));
        Div meta = new Div(who, stance, when);
        if (c.provisionLabel() != null) {
            meta.add(new Span(c.provisionLabel()));
        }
        meta.addClassName("kaimen-card-meta");
        card.add(meta);
        if (c.quote() != null) {
            Paragraph quote = new Paragraph("“" + c.quote() + "”");
            quote.addClassName("kaimen-quote");
            card.add(quote);
        }
        card.add(new Paragraph(c.text()));
        if (c.proposedText() != null) {
            Paragraph proposed = new Paragraph(getTranslation("comments.proposed") + "：" + c.proposedText());
            proposed.addClassName("kaimen-proposed");
            card.add(proposed);
        }
        Button support = new Button(getTranslation("comments.support", c.supports()));
        support.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        support.addClickListener(e -> {
            try {
                comments.support(c.id());
                support.setText(getTranslation("comments.support", c.supports() + 1));
                support.setEnabled(false);
            } catch (KaimenException ex) {
                Notification.show(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        Button report = new Button(getTranslation("comments.report"));
        report.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        report.addClickListener(e -> {
            var request = com.vaadin.flow.server.VaadinRequest.getCurrent();
            comments.report(c.id(), null, request == null ? null : request.getRemoteAddr());
            report.setText(getTranslation("comments.reported"));
            report.setEnabled(false);
        });
        Div actions = new Div(support, report);
        Button replyButton = new Button(getTranslation("comments.reply"));
        replyButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        replyButton.addClickListener(e -> {
            replyButton.setVisible(false);
            com.vaadin.flow.component.textfield.TextArea replyText = new com.vaadin.flow.component.textfield.TextArea();
            replyText.setAriaLabel(getTranslation("comments.reply"));
            replyText.setMaxLength(CommentService.MAX_LENGTH);
            replyText.setWidthFull();
            String key = java.util.UUID.randomUUID().toString();
            Button send = new Button(getTranslation("comments.reply.send"), click -> {
                try {
                    var request = com.vaadin.flow.server.VaadinRequest.getCurrent();
                    comments.submit(new org.kaimen.comments.NewComment(c.draftId(), null, null, replyText.getValue(),
                            null, null, null, null, null, null, false, key,
                            request == null ? null : request.getRemoteAddr(), null, c.id(), true));
                    Notification.show(getTranslation("comments.reply.sent"));
                    replyText.setReadOnly(true);
                    click.getSource().setEnabled(false);
                } catch (KaimenException ex) {
                    Notification.show(getTranslation(ex.messageKey(), ex.args()));
                }
            });
            card.add(replyText, send);
        });
        actions.add(replyButton);
        card.add(actions);
        for (PublicComment r : replies) {
            Div reply = new Div(new Span((r.author() == null ? getTranslation("comments.anonymous") : r.author())
                    + "："), new Span(r.text()));
            reply.addClassName("kaimen-reply");
            card.add(reply);
        }
        return card;
    }

    private static List<Long> ids(Provision p) {
        List<Long> out = new java.util.ArrayList<>();
        out.add(p.id());
        p.children().forEach(c -> out.addAll(ids(c)));
        return out;
    }
}
