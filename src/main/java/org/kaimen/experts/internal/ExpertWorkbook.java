package org.kaimen.experts.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kaimen.experts.Expert;
import org.kaimen.experts.ExpertForm;
import org.kaimen.experts.Interest;
import org.kaimen.experts.Sector;

/**
 * The registry as an .xlsx sheet (专家名册): the export is also the import template, so a clerk can export, edit in
 * Excel or WPS and import again. Headers are Chinese; fields may be given by Chinese name or code, separated by
 * 、 , ; or spaces; interests as "单位：职务；单位".
 */
public final class ExpertWorkbook {

    public static final List<String> HEADERS = List.of("姓名", "职称", "工作单位", "界别", "专业领域", "电子邮箱",
            "电话", "任期开始", "任期结束", "常委会组成人员", "申报利益关系", "简介", "状态");

    /** A parsed row: a form, or the message key of what is wrong with it. */
    public record Row(int number, ExpertForm form, String problem, String detail) {
    }

    private static final Map<String, Sector> SECTORS = Map.of("高校科研", Sector.ACADEMIA, "法律实务",
            Sector.LEGAL_PRACTICE, "行业企业", Sector.INDUSTRY, "党政机关", Sector.GOVERNMENT, "社会组织",
            Sector.CIVIL_SOCIETY);

    private ExpertWorkbook() {
    }

    public static String sectorName(Sector s) {
        return SECTORS.entrySet().stream().filter(e -> e.getValue() == s).findFirst().orElseThrow().getKey();
    }

    public static byte[] write(List<Expert> experts, Map<String, String> fieldNames) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("专家名册");
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            int r = 1;
            for (Expert e : experts) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                List<String> values = List.of(e.name(), nz(e.title()), nz(e.organisation()), sectorName(e.sector()),
                        String.join("、", e.fields().stream().map(f -> fieldNames.getOrDefault(f, f)).toList()),
                        e.email(), nz(e.phone()), e.termStart() == null ? "" : e.termStart().toString(),
                        e.termEnd() == null ? "" : e.termEnd().toString(), e.committeeMember() ? "是" : "否",
                        String.join("；", e.interests().stream().map(i -> i.role() == null ? i.organisation()
                                : i.organisation() + "：" + i.role()).toList()),
                        nz(e.biography()), e.status().name());
                for (int c = 0; c < values.size(); c++) {
                    row.createCell(c).setCellValue(safe(values.get(c)));
                }
            }
            for (int i = 0; i < HEADERS.size(); i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param fieldCodes field code, Chinese name or lower-case English name → code */
    public static List<Row> read(InputStream in, Map<String, String> fieldCodes) {
        List<Row> rows = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(sheet.getFirstRowNum());
            int[] column = new int[HEADERS.size()];
            Arrays.fill(column, -1);
            for (Cell cell : header) {
                int i = HEADERS.indexOf(format.formatCellValue(cell).strip());
                if (i >= 0) {
                    column[i] = cell.getColumnIndex();
                }
            }
            if (column[0] < 0 || column[5] < 0) {
                rows.add(new Row(1, null, "experts.import.headers", String.join(", ", HEADERS)));
                return rows;
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String[] v = new String[HEADERS.size()];
                LocalDate[] dates = new LocalDate[2];
                for (int i = 0; i < v.length; i++) {
                    Cell cell = column[i] < 0 ? null : row.getCell(column[i]);
                    v[i] = cell == null ? "" : format.formatCellValue(cell).strip();
                    if ((i == 7 || i == 8) && cell != null && cell.getCellType() == CellType.NUMERIC
                            && DateUtil.isCellDateFormatted(cell)) {
                        dates[i - 7] = cell.getLocalDateTimeCellValue().toLocalDate();
                    }
                }
                if (Arrays.stream(v).allMatch(String::isEmpty)) {
                    continue;
                }
                rows.add(parse(r + 1, v, dates, fieldCodes));
            }
        } catch (IOException | RuntimeException e) {
            rows.add(new Row(0, null, "experts.import.unreadable", e.getMessage()));
        }
        return rows;
    }

    private static Row parse(int number, String[] v, LocalDate[] dates, Map<String, String> fieldCodes) {
        Sector sector = v[3].isEmpty() ? Sector.ACADEMIA : SECTORS.get(v[3]);
        if (sector == null) {
            try {
                sector = Sector.valueOf(v[3].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return new Row(number, null, "experts.import.sector", v[3]);
            }
        }
        List<String> fields = new ArrayList<>();
        for (String f : v[4].split("[、,，;；\\s]+")) {
            if (f.isBlank()) {
                continue;
            }
            String code = fieldCodes.getOrDefault(f, fieldCodes.get(f.toLowerCase(Locale.ROOT)));
            if (code == null) {
                return new Row(number, null, "experts.import.field", f);
            }
            fields.add(code);
        }
        List<Interest> interests = new ArrayList<>();
        for (String i : v[10].split("[;；\\n]+")) {
            if (i.isBlank()) {
                continue;
            }
            String[] parts = i.split("[:：]", 2);
            interests.add(new Interest(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null));
        }
        LocalDate start;
        LocalDate end;
        try {
            start = dates[0] != null ? dates[0] : v[7].isEmpty() ? null : LocalDate.parse(v[7]);
            end = dates[1] != null ? dates[1] : v[8].isEmpty() ? null : LocalDate.parse(v[8]);
        } catch (DateTimeParseException e) {
            return new Row(number, null, "experts.import.date", v[7] + " " + v[8]);
        }
        boolean committee = v[9].equals("是") || v[9].equalsIgnoreCase("yes") || v[9].equalsIgnoreCase("true");
        return new Row(number, new ExpertForm(unquote(v[0]), unquote(v[1]), unquote(v[2]), sector, unquote(v[11]),
                v[5], v[6], "zh-CN", start, end, committee, fields, interests), null, null);
    }

    /** Formula injection (CWE-1236): a leading = + - @ is quoted with ' on export, and the quote dropped on import. */
    private static String safe(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String unquote(String s) {
        return s.length() > 1 && s.charAt(0) == '\'' && "=+-@".indexOf(s.charAt(1)) >= 0 ? s.substring(1) : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
