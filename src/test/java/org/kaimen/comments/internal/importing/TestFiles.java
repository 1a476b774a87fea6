package org.kaimen.comments.internal.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds the spreadsheets and csv texts the tests feed to the reader. */
final class TestFiles {

    /** "Today" for every test: 10 November 2026 in Beijing. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 10);

    static final List<String> HEADER_ZH = List.of("渠道", "联系点", "条文", "立场", "意见", "建议修改", "姓名", "电话", "邮箱", "收到日期");

    /** Five realistic comments on a draft property management regulation; all valid. */
    static final List<List<Object>> CLEAN_ROWS = List.of(
            List.of("基层立法联系点", "虹桥街道基层立法联系点", "第十二条", "修改",
                    "物业费调价应当经业主大会表决，不能由物业公司单方面决定。", "物业服务收费标准的调整，应当经业主大会表决通过。",
                    "王秀英", "13912345678", "", "2026-11-03"),
            List.of("信件", "", "第二十三条第二款", "支持",
                    "赞成老旧小区加装电梯可以使用专项维修资金，建议简化申请手续。", "", "李建国", "021-6234 5678", "", "2026/11/3"),
            List.of("电子邮件", "", "第三十一条第一款第（三）项", "疑问",
                    "维修资金账户余额不足时，业主应如何续筹？本项规定不够明确。", "", "陈静", "", "chenjing@163.com", "2026年11月5日"),
            List.of("听证", "", "", "反对",
                    "反对将电梯日常维护费用计入公共维修资金，应当由物业费承担。", "", "赵磊", "", "", "2026-11-06"),
            List.of("专家", "", "第104条", "修改",
                    "建议维修资金的使用实行业主双三分之二表决规则，与民法典第二百七十八条保持一致。",
                    "使用维修资金，应当经专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决。",
                    "刘教授", "", "liu@law.edu.cn", "2026-11-08"));

    private TestFiles() {
    }

    static OfflineCommentReader reader() {
        return new OfflineCommentReader(CLOCK);
    }

    /**
     * One sheet from rows of cell values: String, Number, Boolean, LocalDate (as a date cell), {@link Formula}, or
     * null for no cell at all.
     */
    static byte[] xlsx(List<? extends List<?>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("意见");
            fill(workbook, sheet, 0, rows);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void fill(Workbook workbook, Sheet sheet, int firstRow, List<? extends List<?>> rows) {
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(firstRow + r);
            List<?> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (value instanceof String s) {
                    cell.setCellValue(s);
                } else if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value instanceof Boolean b) {
                    cell.setCellValue(b);
                } else if (value instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (value instanceof Formula f) {
                    cell.setCellFormula(f.formula());
                } else {
                    throw new IllegalArgumentException("No cell for " + value);
                }
            }
        }
        workbook.setForceFormulaRecalculation(false);
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    static List<List<Object>> withHeader(List<?> header, List<? extends List<?>> rows) {
        List<List<Object>> all = new java.util.ArrayList<>();
        all.add(List.copyOf(header));
        for (List<?> row : rows) {
            all.add(new java.util.ArrayList<>(row));
        }
        return all;
    }

    /** A csv text, quoting every field that needs it. */
    static String csv(List<? extends List<?>> rows, String separator, String newline) {
        return rows.stream()
                .map(row -> row.stream().map(v -> quote(String.valueOf(v), separator)).collect(Collectors.joining(separator)))
                .collect(Collectors.joining(newline, "", newline));
    }

    private static String quote(String value, String separator) {
        if (value.contains("\"") || value.contains(separator) || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    static byte[] encode(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    record Formula(String formula) {
    }
}
