package org.kaimen.comments.internal.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The xlsx file clerks start from, so that their headers and values are ones the reader understands. */
final class CommentTemplate {

    static final String EXAMPLE_TEXT_ZH = "建议明确物业费调整须经业主大会表决通过，并提前三个月公示。";
    static final String EXAMPLE_TEXT_EN = "A rise in the property management fee should need a vote of the owners' "
            + "assembly and three months' public notice.";

    private static final List<Column> ORDER = List.of(Column.CHANNEL, Column.STATION, Column.PROVISION, Column.STANCE,
            Column.TEXT, Column.PROPOSED, Column.NAME, Column.PHONE, Column.EMAIL, Column.RECEIVED);
    private static final int[] WIDTHS = {18, 26, 22, 10, 60, 60, 12, 16, 26, 14};
    private static final int VALIDATED_ROWS = OfflineCommentReader.MAX_DATA_ROWS + 1;

    private CommentTemplate() {
    }

    static boolean isExampleText(String text) {
        return EXAMPLE_TEXT_ZH.equals(text) || EXAMPLE_TEXT_EN.equals(text);
    }

    static byte[] build(boolean chinese, LocalDate exampleDay) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(chinese ? "意见" : "Comments");
            CellStyle header = headerStyle(workbook);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            text.setWrapText(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));

            Row headerRow = sheet.createRow(0);
            for (int i = 0; i < ORDER.size(); i++) {
                Column column = ORDER.get(i);
                headerRow.createCell(i).setCellValue(column.header(chinese));
                headerRow.getCell(i).setCellStyle(header);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
                // Text format keeps phone numbers and citations as typed instead of turning them into numbers.
                sheet.setDefaultColumnStyle(i, column == Column.RECEIVED ? date : text);
            }
            sheet.createFreezePane(0, 1);

            Row example = sheet.createRow(1);
            List<String> values = chinese
                    ? List.of("基层立法联系点", "虹桥街道基层立法联系点", "第十二条第二款", "修改", EXAMPLE_TEXT_ZH,
                            "物业服务收费标准需要调整的，应当经业主大会表决通过，并提前三个月在物业管理区域内显著位置公示。",
                            "张三", "13800138000", "zhangsan@example.com")
                    : List.of("LIAISON_STATION", "Hongqiao Subdistrict liaison station", "Article 12, paragraph 2",
                            "MODIFY", EXAMPLE_TEXT_EN,
                            "An adjustment of property service fees shall be approved by the owners' assembly and "
                                    + "announced three months in advance in a prominent place of the estate.",
                            "Zhang San", "13800138000", "zhangsan@example.com");
            for (int i = 0; i < values.size(); i++) {
                example.createCell(i).setCellValue(values.get(i));
                example.getCell(i).setCellStyle(text);
            }
            example.createCell(values.size()).setCellValue(exampleDay);
            example.getCell(values.size()).setCellStyle(date);

            offerChoices(sheet, ORDER.indexOf(Column.CHANNEL), chinese
                    ? new String[] {"基层立法联系点", "信件", "电子邮件", "听证", "专家"}
                    : new String[] {"LIAISON_STATION", "LETTER", "EMAIL", "HEARING", "EXPERT"});
            offerChoices(sheet, ORDER.indexOf(Column.STANCE), chinese
                    ? new String[] {"支持", "反对", "修改", "疑问"}
                    : new String[] {"SUPPORT", "OPPOSE", "MODIFY", "QUESTION"});

            instructions(workbook.createSheet(chinese ? "填写说明" : "Instructions"), chinese, header);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }

    /**
     * A drop-down, not a restriction: the reader also accepts synonyms (来信, 赞成, ...) that a strict list would
     * make Excel refuse.
     */
    private static void offerChoices(Sheet sheet, int column, String[] choices) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(choices),
                new CellRangeAddressList(1, VALIDATED_ROWS, column, column));
        validation.setShowErrorBox(false);
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }

    private static void instructions(Sheet sheet, boolean chinese, CellStyle header) {
        List<String[]> lines = chinese
                ? List.of(
                        new String[] {"列", "是否必填", "填写说明"},
                        new String[] {"渠道", "必填", "基层立法联系点（联系点、代表联络站）、信件（来信）、电子邮件（邮件）、听证、专家"},
                        new String[] {"联系点", "渠道为联系点时必填", "联系点名称"},
                        new String[] {"条文", "选填", "如 第十二条、第十二条第二款、第十二条第二款第（三）项、第12条、12；留空表示针对草案整体"},
                        new String[] {"立场", "必填", "支持（赞成）、反对、修改（建议修改）、疑问（询问、提问）"},
                        new String[] {"意见", "必填", "意见内容，不超过5000字"},
                        new String[] {"建议修改", "选填", "建议的条文表述，不超过5000字"},
                        new String[] {"姓名、电话、邮箱", "选填", "电话为7至15位数字，可含空格、短横线和括号"},
                        new String[] {"收到日期", "选填", "如 2026-11-03、2026/11/3、2026年11月3日，不得晚于今天"},
                        new String[] {"", "", "第一个工作表的第一行为表头，列的顺序可以调整；导入前请删除示例行。"})
                : List.of(
                        new String[] {"Column", "Required", "How to fill in"},
                        new String[] {"Channel", "yes", "LIAISON_STATION, LETTER, EMAIL, HEARING or EXPERT"},
                        new String[] {"Station", "for LIAISON_STATION", "name of the liaison station"},
                        new String[] {"Provision", "no", "e.g. 第十二条第二款, 12, Article 12, paragraph 2; empty = the whole draft"},
                        new String[] {"Stance", "yes", "SUPPORT, OPPOSE, MODIFY or QUESTION"},
                        new String[] {"Text", "yes", "the comment, at most 5000 characters"},
                        new String[] {"Proposed text", "no", "proposed wording, at most 5000 characters"},
                        new String[] {"Name, Phone, Email", "no", "phone: 7 to 15 digits, spaces, hyphens and brackets allowed"},
                        new String[] {"Received", "no", "e.g. 2026-11-03 or 2026/11/3, not after today"},
                        new String[] {"", "", "The first row of the first sheet is the header; columns may be in any "
                                + "order. Delete the example row before importing."});
        for (int r = 0; r < lines.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < 3; c++) {
                row.createCell(c).setCellValue(lines.get(r)[c]);
                if (r == 0) {
                    row.getCell(c).setCellStyle(header);
                }
            }
        }
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 20 * 256);
        sheet.setColumnWidth(2, 90 * 256);
    }
}
