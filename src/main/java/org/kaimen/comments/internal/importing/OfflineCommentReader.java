package org.kaimen.comments.internal.importing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Reads comments that staff received offline (letters, liaison stations, e-mail, hearings, experts) from a
 * spreadsheet a clerk filled in, and checks every cell.
 *
 * <p>Bad content never throws: an unreadable file, a missing column or a wrong cell all end up in the
 * {@link ImportReport}, so the clerk gets the complete list of fixes in one go. Only programming errors (a
 * {@code null} argument) throw.
 *
 * <p>Thread-safe: the reader holds no state besides its clock.
 */
public final class OfflineCommentReader {

    /** Most comment rows in one file; a liaison station's bundle is far smaller, a bigger file should be split. */
    public static final int MAX_DATA_ROWS = 50_000;
    /** Longest comment text and proposed wording, in characters. */
    public static final int MAX_TEXT_LENGTH = 5_000;

    /** A title or note may sit above the header; this many non-blank rows are searched for it. */
    private static final int HEADER_SEARCH_ROWS = 10;
    /** Merged banner rows ("第二章 业主大会") are dropped after reading, so the readers keep a few rows spare. */
    private static final int BANNER_ALLOWANCE = 1_000;
    private static final int ROWS_TO_READ = HEADER_SEARCH_ROWS + MAX_DATA_ROWS + BANNER_ALLOWANCE;

    private final Clock clock;

    /**
     * @param clock decides "today" for the received-date check, in the clock's zone; give it the zone the clerks
     *              live in (Asia/Shanghai), or a date entered early in the morning may count as being in the future
     */
    public OfflineCommentReader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads a clerk's file.
     *
     * @param filename the uploaded file's name; its extension (.xlsx or .csv, any case) decides the format
     * @param content  the file's bytes
     * @return valid comments, row errors, warnings, or a file-level error
     */
    public ImportReport read(String filename, byte[] content) {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(content, "content");
        String extension = extension(filename);
        if (!extension.equals("xlsx") && !extension.equals("csv")) {
            return ImportReport.fileError(ImportMessageKey.FILE_TYPE);
        }
        if (content.length == 0) {
            return ImportReport.fileError(ImportMessageKey.FILE_EMPTY);
        }
        RawTable table;
        try {
            table = extension.equals("xlsx") ? XlsxTableReader.read(content, ROWS_TO_READ) : readCsv(content);
        } catch (FileProblem problem) {
            return ImportReport.fileError(problem.key());
        }
        return interpret(table);
    }

    /**
     * An .xlsx template with the header row in Chinese (for a {@code zh} locale) or English (otherwise), one
     * example row, drop-downs for channel and stance, and a sheet explaining the columns. The reader skips the
     * example row should a clerk forget to delete it.
     */
    public byte[] template(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return CommentTemplate.build("zh".equals(locale.getLanguage()), LocalDate.now(clock));
    }

    private static String extension(String filename) {
        String name = filename.strip();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static RawTable readCsv(byte[] content) throws FileProblem {
        // A workbook, PDF or image renamed to .csv would otherwise decode to noise and a puzzling missing-column error.
        if (FileMagic.valueOf(content) != FileMagic.UNKNOWN) {
            throw new FileProblem(ImportMessageKey.FILE_TYPE);
        }
        String text = CsvTableReader.decode(content);
        if (text.indexOf('\0') >= 0) {
            throw new FileProblem(ImportMessageKey.FILE_TYPE);
        }
        return CsvTableReader.parse(text, CsvTableReader.separator(text), ROWS_TO_READ);
    }

    private ImportReport interpret(RawTable table) {
        List<String> warnings = new ArrayList<>(table.warnings());
        List<RawTable.Row> rows = table.rows();
        if (rows.isEmpty()) {
            return ImportReport.fileError(ImportMessageKey.FILE_EMPTY, List.of(), warnings, 0);
        }
        int headerIndex = headerIndex(rows);
        if (headerIndex > 0) {
            warnings.add(ImportMessageKey.WARNING_ROWS_BEFORE_HEADER.warning(headerIndex));
        }
        RawTable.Row header = rows.get(headerIndex);
        Map<Column, CommentRowChecker.Mapped> columns = mapColumns(header, warnings);
        List<RawTable.Row> dataRows = rows.subList(headerIndex + 1, rows.size());

        boolean chineseFile = header.cells().stream().anyMatch(OfflineCommentReader::hasChinese);
        List<RowError> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required() && !columns.containsKey(column)) {
                missing.add(new RowError(header.number(), column.header(chineseFile),
                        ImportMessageKey.FILE_MISSING_COLUMN.key(), ""));
            }
        }
        if (!missing.isEmpty()) {
            return ImportReport.fileError(ImportMessageKey.FILE_MISSING_COLUMN, missing, warnings, dataRows.size());
        }
        if (table.truncated() || dataRows.size() > MAX_DATA_ROWS) {
            return ImportReport.fileError(ImportMessageKey.FILE_TOO_MANY_ROWS, List.of(), warnings, dataRows.size());
        }

        CommentRowChecker checker = new CommentRowChecker(columns, LocalDate.now(clock));
        CommentRowChecker.Mapped textColumn = columns.get(Column.TEXT);
        List<ImportedComment> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int total = 0;
        for (RawTable.Row row : dataRows) {
            if (CommentTemplate.isExampleText(Text.clean(row.cell(textColumn.index())))) {
                warnings.add(ImportMessageKey.WARNING_EXAMPLE_ROW.warning(row.number()));
                continue;
            }
            total++;
            checker.check(row, errors).ifPresent(valid::add);
        }
        if (total == 0) {
            return ImportReport.fileError(ImportMessageKey.FILE_EMPTY, List.of(), warnings, 0);
        }
        return new ImportReport(valid, errors, warnings, total, null);
    }

    /**
     * The header is the first non-blank row, unless a title sits above it: then it is the first of the leading
     * rows that names at least two known columns.
     */
    private static int headerIndex(List<RawTable.Row> rows) {
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
            long known = rows.get(i).cells().stream().filter(cell -> Column.fromHeader(cell).isPresent()).count();
            if (known >= 2) {
                return i;
            }
        }
        return 0;
    }

    private static Map<Column, CommentRowChecker.Mapped> mapColumns(RawTable.Row header, List<String> warnings) {
        Map<Column, CommentRowChecker.Mapped> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String written = Text.clean(header.cell(i));
            if (written.isEmpty()) {
                continue;
            }
            Optional<Column> column = Column.fromHeader(written);
            if (column.isEmpty()) {
                warnings.add(ImportMessageKey.WARNING_UNKNOWN_COLUMN.warning(written));
            } else if (columns.containsKey(column.get())) {
                warnings.add(ImportMessageKey.WARNING_DUPLICATE_COLUMN.warning(written));
            } else {
                columns.put(column.get(), new CommentRowChecker.Mapped(i, written));
            }
        }
        return columns;
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
