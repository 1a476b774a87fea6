package org.kaimen.drafts.internal.versioning;

import java.util.Objects;

/**
 * One run of a character-level diff. Concatenating the EQUAL and DELETE runs yields the old text,
 * concatenating the EQUAL and INSERT runs yields the new text.
 */
public record DiffOp(Kind kind, String text) {

    public enum Kind { EQUAL, INSERT, DELETE }

    public DiffOp {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public static DiffOp equal(String text) {
        return new DiffOp(Kind.EQUAL, text);
    }

    public static DiffOp insert(String text) {
        return new DiffOp(Kind.INSERT, text);
    }

    public static DiffOp delete(String text) {
        return new DiffOp(Kind.DELETE, text);
    }
}
