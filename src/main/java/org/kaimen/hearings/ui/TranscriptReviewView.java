package org.kaimen.hearings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.util.Optional;
import org.kaimen.hearings.Correction;
import org.kaimen.hearings.HearingService;
import org.kaimen.hearings.TranscriptEntry;
import org.kaimen.hearings.TranscriptReview;

/**
 * Where the link in the review mail lands (第二十七条): the speaker's own part of the transcript, with a field to ask
 * for a correction of each entry until the review period ends. The link is the only key; it expires by itself.
 */
@Route("hearings/review/:token")
@AnonymousAllowed
public class TranscriptReviewView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient HearingService hearings;
    private final transient Clock clock;
    private String token;

    public TranscriptReviewView(HearingService hearings, Clock clock) {
        this.hearings = hearings;
        this.clock = clock;
        addClassNames("kaimen-content", "kaimen-hearing");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        show();
    }

    private void show() {
        removeAll();
        Optional<TranscriptReview> review = hearings.review(token);
        if (review.isEmpty()) {
            Paragraph gone = new Paragraph(getTranslation("hearings.error.link-expired"));
            gone.setId("review-expired");
            add(new H1(getPageTitle()), gone);
            return;
        }
        TranscriptReview r = review.get();
        add(new H1(r.hearingTitle()), new Paragraph(getTranslation("hearings.review.intro", r.number(),
                Ui.when(r.reviewUntil(), clock.getZone()))));
        for (TranscriptEntry e : r.entries()) {
            Div entry = new Div();
            entry.addClassName("kaimen-hearing-entry");
            entry.setId("review-entry-" + e.id());
            entry.add(new H3(getTranslation("hearings.entry." + e.kind().name().toLowerCase())),
                    new Paragraph(e.text()));
            if (e.reasons() != null) {
                entry.add(new Paragraph(getTranslation("hearings.entry.reasons", e.reasons())));
            }
            for (Correction c : r.corrections()) {
                if (c.entryId() == e.id()) {
                    entry.add(new Paragraph(getTranslation("hearings.review.asked", c.requestedText(),
                            getTranslation("hearings.correction." + c.state().name().toLowerCase()),
                            c.resolution() == null ? "" : c.resolution())));
                }
            }
            if (r.open()) {
                TextArea wording = new TextArea(getTranslation("hearings.review.wording"));
                wording.setWidthFull();
                wording.setValue(e.text());
                wording.setId("review-text-" + e.id());
                TextField note = new TextField(getTranslation("hearings.review.note"));
                note.setWidthFull();
                Button ask = new Button(getTranslation("hearings.review.ask"));
                ask.setId("review-ask-" + e.id());
                ask.addClickListener(x -> {
                    if (Ui.attempt(this, () -> hearings.requestCorrection(token, e.id(), wording.getValue(),
                            note.getValue()))) {
                        show();
                    }
                });
                entry.add(wording, note, ask);
            }
            add(entry);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("hearings.review.title");
    }
}
