package org.kaimen.comments.internal.importing;

/** A reason to reject a whole file; caught by the reader and turned into {@link ImportReport#fileErrorKey()}. */
final class FileProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ImportMessageKey key;

    FileProblem(ImportMessageKey key) {
        super(key.key(), null, false, false);
        this.key = key;
    }

    FileProblem(ImportMessageKey key, Throwable cause) {
        super(key.key(), cause, false, false);
        this.key = key;
    }

    ImportMessageKey key() {
        return key;
    }
}
