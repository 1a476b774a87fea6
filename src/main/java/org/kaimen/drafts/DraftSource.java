package org.kaimen.drafts;

import java.nio.charset.StandardCharsets;

/** The text of a draft as it arrives: pasted, or a .txt, .md or .docx file. */
public record DraftSource(String filename, byte[] content) {

    public static DraftSource text(String text) {
        return new DraftSource(null, text.getBytes(StandardCharsets.UTF_8));
    }

    public static DraftSource file(String filename, byte[] content) {
        return new DraftSource(filename, content);
    }
}
