package org.kaimen.comments.internal.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an xlsx file as text, the way the clerk sees it in Excel.
 *
 * <p>The sheet is streamed (SAX), never loaded as a whole workbook: a sheet with a million rows costs the memory of
 * the rows kept up to the row limit, not of the million. The zip is read from memory entry by entry, with POI's
 * zip-bomb guard ({@link ZipArchiveThresholdInputStream}, limits set in {@code ZipSecureFile}) on every entry.
 */
final class XlsxTableReader {

    /** Merged regions looked at; enough for any clerk's sheet, bounded for a hostile one. */
    private static final int MAX_MERGES = 10_000;
    /** Cells visited while applying merged regions, so that a hostile file cannot make that step slow. */
    private static final long MERGE_WORK_BUDGET = 5_000_000L;
    /**
     * Characters of cell text read from the sheet, and again from the shared-string table. Fifty thousand long
     * comments stay far below it; what POI's inflate-ratio guard still lets through (a 10 MB file may expand to
     * 1 GB) does not.
     */
    static final long TEXT_BUDGET = 100_000_000L;

    private XlsxTableReader() {
    }

    static RawTable read(byte[] content, int maxNonBlankRows) throws FileProblem {
        return read(content, maxNonBlankRows, TEXT_BUDGET);
    }

    static RawTable read(byte[] content, int maxNonBlankRows, long textBudget) throws FileProblem {
        FileMagic magic = FileMagic.valueOf(content);
        if (magic == FileMagic.OLE2) {
            throw new FileProblem(isEncryptedOoxml(content) ? ImportMessageKey.FILE_ENCRYPTED : ImportMessageKey.FILE_TYPE);
        }
        if (magic != FileMagic.OOXML) {
            throw new FileProblem(magic == FileMagic.UNKNOWN ? ImportMessageKey.FILE_UNREADABLE : ImportMessageKey.FILE_TYPE);
        }
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            OPCPackage pkg = OPCPackage.open(new GuardedEntrySource(zip));
            try {
                return readFirstSheet(pkg, maxNonBlankRows, textBudget);
            } finally {
                // revert(), not close(): close() would try to save a package opened for reading.
                pkg.revert();
            }
        } catch (FileProblem problem) {
            throw problem;
        } catch (Exception | StackOverflowError damaged) {
            if (TextBudgetExceeded.isCause(damaged)) {
                throw new FileProblem(ImportMessageKey.FILE_TOO_LARGE, damaged);
            }
            // POI reports damaged files through many exception types, unchecked ones included (and deeply nested
            // XML can overflow the stack); for the clerk they all mean the same.
            throw new FileProblem(ImportMessageKey.FILE_UNREADABLE, damaged);
        }
    }

    /** Excel stores a password-protected xlsx inside an OLE2 container with an EncryptionInfo stream. */
    private static boolean isEncryptedOoxml(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException damaged) {
            return false;
        }
    }

    private static RawTable readFirstSheet(OPCPackage pkg, int maxNonBlankRows, long textBudget) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        BoundedSharedStrings strings = new BoundedSharedStrings(new TextBudget(textBudget));
        List<PackagePart> sharedStringParts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (!sharedStringParts.isEmpty()) {
            try (InputStream in = sharedStringParts.get(0).getInputStream()) {
                strings.readFrom(in);
            }
        }
        StylesTable styles = reader.getStylesTable();
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new FileProblem(ImportMessageKey.FILE_EMPTY);
        }
        Collector collector = new Collector(maxNonBlankRows);
        try (InputStream sheet = sheets.next()) {
            XMLReader xml = XMLHelper.newXMLReader();
            XSSFSheetXMLHandler cells = new XSSFSheetXMLHandler(styles, null, strings, collector, new CellFormatter(), false);
            xml.setContentHandler(new SheetHandler(cells, collector, new TextBudget(textBudget)));
            xml.parse(new InputSource(sheet));
        } catch (SAXException | RuntimeException maybeStop) {
            if (!collector.stopped) {
                throw maybeStop;
            }
        }
        return collector.table();
    }

    /** Gives every zip entry POI's inflate-ratio and size guard, as ZipSecureFile would for a file on disk. */
    private static final class GuardedEntrySource extends ZipFileZipEntrySource {

        GuardedEntrySource(ZipFile zip) {
            super(zip);
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
            InputStream raw = super.getInputStream(entry);
            return raw == null ? null : new ZipArchiveThresholdInputStream(raw);
        }
    }

    /**
     * Shows numbers as the clerk means them, not as Excel happens to format them: a phone typed as a number reads
     * "13812345678" rather than "1.38123E+10", and a date cell reads as an ISO date whatever its display format.
     */
    static final class CellFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return plain(value);
        }

        static String plain(double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return Double.toString(value);
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }

    /** Passes sheet XML to POI's cell handler and picks up the merged regions and error cells it does not report. */
    private static final class SheetHandler extends DefaultHandler {

        private final XSSFSheetXMLHandler cells;
        private final Collector collector;
        private final TextBudget budget;

        SheetHandler(XSSFSheetXMLHandler cells, Collector collector, TextBudget budget) {
            this.cells = cells;
            this.collector = collector;
            this.budget = budget;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                collector.errorCell = "e".equals(attributes.getValue("t"));
            } else if ("mergeCell".equals(localName)) {
                collector.merge(attributes.getValue("ref"));
            }
            cells.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            cells.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            budget.spend(length);
            cells.characters(ch, start, length);
        }
    }

    /** POI's shared-string table, but one that stops loading strings once the text budget is spent. */
    private static final class BoundedSharedStrings extends ReadOnlySharedStringsTable {

        private static final byte[] EMPTY = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"
                .getBytes(StandardCharsets.UTF_8);

        private final TextBudget budget;

        // The superclass can only be built by parsing something; it parses an empty table, the real one is read
        // by readFrom once the budget is in place.
        BoundedSharedStrings(TextBudget budget) throws IOException, SAXException {
            super(new ByteArrayInputStream(EMPTY), false);
            this.budget = budget;
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (budget != null) {
                budget.spend(length);
            }
            super.characters(ch, start, length);
        }
    }

    private static final class TextBudget {

        private final long limit;
        private long spent;

        TextBudget(long limit) {
            this.limit = limit;
        }

        void spend(int characters) throws TextBudgetExceeded {
            spent += characters;
            if (spent > limit) {
                throw new TextBudgetExceeded();
            }
        }
    }

    private static final class TextBudgetExceeded extends SAXException {

        private static final long serialVersionUID = 1L;

        TextBudgetExceeded() {
            super("cell text beyond the budget");
        }

        /** The XML parser and POI may wrap the exception on its way out. */
        static boolean isCause(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof TextBudgetExceeded) {
                    return true;
                }
                if (t instanceof SAXException sax && sax.getException() instanceof TextBudgetExceeded) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final int maxNonBlankRows;
        private final NavigableMap<Integer, String[]> rows = new TreeMap<>();
        private final List<CellRangeAddress> merges = new ArrayList<>();
        private String[] current;
        private int nextColumn;
        private boolean tooManyColumns;
        boolean errorCell;
        boolean stopped;

        Collector(int maxNonBlankRows) {
            this.maxNonBlankRows = maxNonBlankRows;
        }

        @Override
        public void startRow(int rowNum) {
            current = new String[0];
            nextColumn = 0;
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = columnOf(cellReference);
            nextColumn = column + 1;
            if (column >= RawTable.MAX_COLUMNS) {
                tooManyColumns = true;
                return;
            }
            String value = formattedValue == null ? "" : formattedValue;
            if (errorCell && value.startsWith("ERROR:")) {
                // Show #N/A or #REF! as Excel does, not POI's "ERROR:" prefix.
                value = value.substring("ERROR:".length());
            }
            if (current == null) {
                startRow(0);
            }
            if (column >= current.length) {
                current = Arrays.copyOf(current, column + 1);
            }
            current[column] = value;
        }

        private int columnOf(String reference) {
            if (reference == null) {
                return nextColumn;
            }
            int column = 0;
            int letters = 0;
            while (letters < reference.length() && letters < 4) {
                char c = Character.toUpperCase(reference.charAt(letters));
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
                letters++;
            }
            return letters == 0 || letters > 3 ? nextColumn : column - 1;
        }

        @Override
        public void endRow(int rowNum) {
            if (current == null) {
                return;
            }
            String[] cells = current;
            current = null;
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] == null) {
                    cells[i] = "";
                }
            }
            if (Arrays.stream(cells).allMatch(Text::isBlank)) {
                return;
            }
            if (rows.size() >= maxNonBlankRows && !rows.containsKey(rowNum + 1)) {
                stopped = true;
                throw new StopReading();
            }
            rows.put(rowNum + 1, cells);
        }

        void merge(String reference) {
            if (reference == null || merges.size() >= MAX_MERGES) {
                return;
            }
            try {
                CellRangeAddress range = CellRangeAddress.valueOf(reference);
                if (range.getFirstRow() >= 0 && range.getFirstColumn() >= 0
                        && range.getLastRow() >= range.getFirstRow() && range.getLastColumn() >= range.getFirstColumn()) {
                    merges.add(range);
                }
            } catch (RuntimeException malformed) {
                // A merge Excel would not show is not worth rejecting the file for.
            }
        }

        RawTable table() {
            List<String> warnings = new ArrayList<>();
            if (tooManyColumns) {
                warnings.add(ImportMessageKey.WARNING_TOO_MANY_COLUMNS.warning(""));
            }
            if (!stopped) {
                applyMerges();
            }
            List<RawTable.Row> result = new ArrayList<>(rows.size());
            for (Map.Entry<Integer, String[]> row : rows.entrySet()) {
                result.add(new RawTable.Row(row.getKey(), Arrays.asList(row.getValue())));
            }
            return new RawTable(result, stopped, warnings);
        }

        /**
         * Makes merged cells read as the clerk sees them. A region spanning columns that holds a row's only content
         * is a title or section banner ("第一章 总则") and the row is dropped; a region spanning rows repeats its value
         * in the rows below, as when one channel or station cell is merged over all the letters it brought.
         */
        private void applyMerges() {
            long work = 0;
            List<Integer> banners = new ArrayList<>();
            for (CellRangeAddress merge : merges) {
                if (merge.getFirstColumn() == merge.getLastColumn()) {
                    continue;
                }
                for (Map.Entry<Integer, String[]> row : covered(merge).entrySet()) {
                    if (++work > MERGE_WORK_BUDGET) {
                        return;
                    }
                    if (onlyInside(row.getValue(), merge.getFirstColumn(), merge.getLastColumn())) {
                        banners.add(row.getKey());
                    }
                }
            }
            banners.forEach(rows::remove);
            for (CellRangeAddress merge : merges) {
                if (merge.getFirstRow() == merge.getLastRow()) {
                    continue;
                }
                String[] anchor = rows.get(merge.getFirstRow() + 1);
                int column = merge.getFirstColumn();
                if (anchor == null || column >= anchor.length || Text.isBlank(anchor[column])) {
                    continue;
                }
                for (String[] row : covered(merge).values()) {
                    if (++work > MERGE_WORK_BUDGET) {
                        return;
                    }
                    if (column < row.length && Text.isBlank(row[column])) {
                        row[column] = anchor[column];
                    }
                }
            }
        }

        private NavigableMap<Integer, String[]> covered(CellRangeAddress merge) {
            return rows.subMap(merge.getFirstRow() + 1, true, merge.getLastRow() + 1, true);
        }

        private static boolean onlyInside(String[] cells, int firstColumn, int lastColumn) {
            for (int i = 0; i < cells.length; i++) {
                if ((i < firstColumn || i > lastColumn) && !Text.isBlank(cells[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * SheetContentsHandler may not throw checked exceptions, so the stop travels unchecked through POI's handler
     * and is recognised by the collector's flag.
     */
    private static final class StopReading extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StopReading() {
            super("row limit reached", null, false, false);
        }
    }
}
