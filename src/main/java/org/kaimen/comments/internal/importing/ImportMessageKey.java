package org.kaimen.comments.internal.importing;

/**
 * Every i18n message key that {@link OfflineCommentReader} puts into an {@link ImportReport}. The reader never
 * produces free text, so the UI can show each problem in the clerk's language.
 *
 * <p>Keys starting with {@code import.file.} end up in {@link ImportReport#fileErrorKey()} and mean nothing from
 * the file was imported. Keys starting with {@code import.error.} appear in {@link RowError#messageKey()} and
 * concern one cell. Keys starting with {@code import.warning.} appear in {@link ImportReport#warnings()} as
 * {@code key:argument} (split at the first colon; the argument may be empty) and do not stop the import.
 */
public enum ImportMessageKey {

    // ---- file level -------------------------------------------------------------------------------------------

    /** The file name ends in neither .xlsx nor .csv, or the content is a PDF, Word, old .xls or other format. */
    FILE_TYPE("import.file.type"),
    /** The .xlsx file is damaged, is not really an xlsx file, or expands suspiciously (a zip bomb). */
    FILE_UNREADABLE("import.file.unreadable"),
    /** The .xlsx file is protected by a password; the clerk must save an unprotected copy. */
    FILE_ENCRYPTED("import.file.encrypted"),
    /** The file has no bytes, no non-blank row, or a header row but no comment rows. */
    FILE_EMPTY("import.file.empty"),
    /**
     * A required column (channel, stance, comment text) is not in the header row. One {@link RowError} with this
     * key per missing column names it in the file's language, with the header's row number.
     */
    FILE_MISSING_COLUMN("import.file.missing-column"),
    /** The file holds more than {@link OfflineCommentReader#MAX_DATA_ROWS} comment rows; split it. */
    FILE_TOO_MANY_ROWS("import.file.too-many-rows"),
    /** The .xlsx file expands to far more text than any real comment file holds (over 100 million characters). */
    FILE_TOO_LARGE("import.file.too-large"),

    // ---- one cell ---------------------------------------------------------------------------------------------

    /** The channel cell is empty. */
    CHANNEL_MISSING("import.error.channel-missing"),
    /** The channel is not one of the offline channels (liaison station, letter, e-mail, hearing, expert). */
    CHANNEL("import.error.channel"),
    /** The channel is a liaison station but the row does not say which station. */
    STATION_MISSING("import.error.station-missing"),
    /** The provision is not a citation such as 第十二条, 第十二条第二款第（三）项, 第12条 or 12. */
    PROVISION("import.error.provision"),
    /** The stance cell is empty. */
    STANCE_MISSING("import.error.stance-missing"),
    /** The stance is not support, oppose, modify or question. */
    STANCE("import.error.stance"),
    /** The comment text is empty. */
    TEXT_MISSING("import.error.text-missing"),
    /** The comment text is longer than {@link OfflineCommentReader#MAX_TEXT_LENGTH} characters. */
    TEXT_TOO_LONG("import.error.text-too-long"),
    /** The proposed wording is longer than {@link OfflineCommentReader#MAX_TEXT_LENGTH} characters. */
    PROPOSED_TOO_LONG("import.error.proposed-too-long"),
    /** A name or station is implausibly long (more than 200 characters), usually text pasted in the wrong column. */
    VALUE_TOO_LONG("import.error.value-too-long"),
    /** The e-mail address is not syntactically valid. */
    EMAIL("import.error.email"),
    /** The phone number has characters other than digits and separators, or not 7 to 15 digits. */
    PHONE("import.error.phone"),
    /** The received date is not a date (accepted: 2026-11-03, 2026/11/3, 2026年11月3日, 20261103, a date cell). */
    DATE("import.error.date"),
    /** The received date lies after today. */
    DATE_FUTURE("import.error.date-future"),
    /** The received date lies before the year 2000, almost always a typing error. */
    DATE_TOO_EARLY("import.error.date-too-early"),

    // ---- warnings ---------------------------------------------------------------------------------------------

    /** A column header is not recognised; its values are ignored. Argument: the header as written. */
    WARNING_UNKNOWN_COLUMN("import.warning.unknown-column"),
    /** Two columns mean the same field; only the first is read. Argument: the ignored header as written. */
    WARNING_DUPLICATE_COLUMN("import.warning.duplicate-column"),
    /** Rows above the header (a title, say) were skipped. Argument: how many. */
    WARNING_ROWS_BEFORE_HEADER("import.warning.rows-before-header"),
    /** The template's example row was still in the file and was not imported. Argument: its row number. */
    WARNING_EXAMPLE_ROW("import.warning.example-row-skipped"),
    /** A quoted csv field was not closed; the rest of the file was read as that one field. Argument: its row. */
    WARNING_UNCLOSED_QUOTE("import.warning.unclosed-quote"),
    /** Cells beyond the 256th column were ignored. Argument: empty. */
    WARNING_TOO_MANY_COLUMNS("import.warning.too-many-columns");

    private final String key;

    ImportMessageKey(String key) {
        this.key = key;
    }

    /** The i18n key, for example {@code import.error.stance}. */
    public String key() {
        return key;
    }

    /** Builds a warning entry in the {@code key:argument} form documented above. */
    String warning(Object argument) {
        return key + ":" + argument;
    }
}
