package org.kaimen.drafts.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.Optional;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.internal.DraftImporter;

/** Where a drafter hands over the text: a .docx/.txt/.md file, or text pasted from Word. */
class DraftSourceField extends Composite<VerticalLayout> {

    private final TextArea pasted = new TextArea();
    private final Span fileName = new Span();
    private DraftSource uploaded;

    DraftSourceField() {
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            Runnable store = () -> {
                uploaded = DraftSource.file(meta.fileName(), bytes);
                fileName.setText(getTranslation("drafts.import.file-ready", meta.fileName()));
            };
            if (ui != null) {
                ui.access(store::run);
            } else {
                store.run();
            }
        }));
        upload.setAcceptedFileTypes(".docx", ".txt", ".md", "text/plain",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        upload.setMaxFileSize(DraftImporter.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setId("draft-upload");
        upload.setDropLabel(new Span(getTranslation("drafts.import.drop")));
        pasted.setLabel(getTranslation("drafts.import.paste"));
        pasted.setPlaceholder("第一章 总则\n第一条 为了……");
        pasted.setWidthFull();
        pasted.setMinHeight("12rem");
        pasted.setMaxHeight("24rem");
        pasted.setId("draft-text");
        fileName.setId("draft-file-name");
        Div hint = new Div(getTranslation("drafts.import.hint"));
        hint.addClassName("kaimen-hint");
        getContent().setPadding(false);
        getContent().add(upload, fileName, pasted, hint);
    }

    /** The uploaded file if there is one, else the pasted text. */
    Optional<DraftSource> value() {
        if (uploaded != null) {
            return Optional.of(uploaded);
        }
        return pasted.getValue().isBlank() ? Optional.empty() : Optional.of(DraftSource.text(pasted.getValue()));
    }

    void setText(String text) {
        uploaded = null;
        pasted.setValue(text);
    }
}
