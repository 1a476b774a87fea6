package org.kaimen.feedback.internal.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The comment table as .xlsx: a bold, frozen header row with an autofilter, column widths for Chinese text, long
 * text wrapped, dates as real dates, printed landscape on A4 one page wide with the header on every page. Every text
 * is a string cell, never a formula, and neutralised by {@link SpreadsheetSafe}. Rows are streamed (SXSSF), so a
 * draft with a hundred thousand comments does not hold them all as cell objects.
 */
final class XlsxTable {

    private static final int WINDOW = 200;

    private XlsxTable() {
    }

    static byte[] write(CommentTable table, String sheetName) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle header = headerStyle(workbook);
            CellStyle plain = textStyle(workbook, false);
            CellStyle wrapped = textStyle(workbook, true);
            CellStyle number = workbook.createCellStyle();
            number.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            date.setVerticalAlignment(VerticalAlignment.TOP);

            List<CommentTable.Column> columns = table.columns();
            Row head = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, columns.get(c).width * 256);
            }
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Long n) {
                        cell.setCellValue(n);
                        cell.setCellStyle(number);
                    } else if (value instanceof LocalDateTime t) {
                        cell.setCellValue(t);
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(SpreadsheetSafe.text(value.toString()));
                        cell.setCellStyle(columns.get(c).wraps() ? wrapped : plain);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
            print(sheet);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        } finally {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the temporary files are gone or will be with the JVM
            }
        }
    }

    private static void print(Sheet sheet) {
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        sheet.setFitToPage(true);
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(true);
        setup.setFitWidth((short) 1);
        setup.setFitHeight((short) 0);
    }

    private static CellStyle headerStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        return style;
    }

    private static CellStyle textStyle(Workbook workbook, boolean wrap) {
        CellStyle style = workbook.createCellStyle();
        // Text format: a cell edited later stays text instead of turning into a number or a formula.
        style.setDataFormat(workbook.createDataFormat().getFormat("@"));
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setWrapText(wrap);
        return style;
    }
}
