package org.kaimen.feedback.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Map;
import org.kaimen.feedback.OpinionState;
import org.kaimen.feedback.Progress;

/** Where the desk stands on a draft, on one line: what is left, who has what, and the days to the due date. */
class ProgressStrip extends Div {

    ProgressStrip() {
        setId("desk-progress");
        addClassName("kaimen-progress");
        getElement().setAttribute("role", "status");
    }

    void show(Progress p) {
        removeAll();
        add(item(getTranslation("feedback.progress.comments", p.comments()), null));
        Span loose = item(getTranslation("feedback.progress.unconsolidated", p.unconsolidated()),
                "desk-progress-unconsolidated");
        if (p.unconsolidated() > 0) {
            loose.addClassName("kaimen-progress-todo");
        }
        add(loose);
        Span states = item("", "desk-progress-states");
        for (OpinionState s : OpinionState.values()) {
            Span one = new Span(getTranslation("feedback.state." + s.name()) + " "
                    + p.opinionsByState().getOrDefault(s, 0L));
            states.add(one);
        }
        add(states);
        if (!p.openByAssignee().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Long> e : p.openByAssignee().entrySet()) {
                if (!sb.isEmpty()) {
                    sb.append("、");
                }
                sb.append(e.getKey().isEmpty() ? getTranslation("feedback.progress.nobody") : e.getKey())
                        .append(' ').append(e.getValue());
            }
            add(item(getTranslation("feedback.progress.open", sb.toString()), "desk-progress-open"));
        }
        Span due;
        if (p.published()) {
            due = item(getTranslation("feedback.progress.published"), "desk-progress-due");
            due.getElement().getThemeList().add("badge success");
        } else if (p.daysLeft() == null) {
            due = item(getTranslation("feedback.progress.no-due"), "desk-progress-due");
        } else if (p.daysLeft() < 0) {
            due = item(getTranslation("feedback.progress.late", -p.daysLeft(), FeedbackFormat.date(p.dueOn())),
                    "desk-progress-due");
            due.addClassName("kaimen-late");
        } else if (p.daysLeft() == 0) {
            due = item(getTranslation("feedback.progress.today", FeedbackFormat.date(p.dueOn())), "desk-progress-due");
            due.addClassName("kaimen-late");
        } else {
            due = item(getTranslation("feedback.progress.days-left", p.daysLeft(), FeedbackFormat.date(p.dueOn())),
                    "desk-progress-due");
        }
        add(due);
    }

    private static Span item(String text, String id) {
        Span s = new Span(text);
        s.addClassName("kaimen-progress-item");
        if (id != null) {
            s.setId(id);
        }
        return s;
    }
}
