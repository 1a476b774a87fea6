package org.kaimen.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** The real regulation texts shipped as test resources, as bytes, plain text or a Word file. */
public final class Regulation {

    public static final String NATIONAL = "guowuyuan_wuye_tiaoli_2018.md";
    public static final String BINZHOU = "binzhou_zhuzhai_wuye_tiaoli_2019.md";

    private Regulation() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Regulation.class.getResourceAsStream("/regulations/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String markdown(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The text a clerk would copy out of a web page: no markdown markers, no source comment. */
    public static String plain(String name) {
        return markdown(name).replaceAll("(?s)<!--.*?-->", "").replaceAll("(?m)^#+\\s*", "");
    }

    /** One Word paragraph per line, as drafts arrive from drafting departments. */
    public static byte[] docx(String name) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : plain(name).split("\n")) {
                if (!line.isBlank()) {
                    doc.createParagraph().createRun().setText(line.strip());
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A generated regulation-shaped draft for size and speed checks: ten chapters of ten articles, each with two
     * paragraphs (one of them a cross reference to the first) and, every fifth article, three items.
     */
    public static String hundredArticles() {
        StringBuilder text = new StringBuilder("基准测试条例\n");
        String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        for (int chapter = 0; chapter < 10; chapter++) {
            text.append("第").append(numerals[chapter]).append("章　第").append(chapter + 1).append("部分\n");
            for (int i = 1; i <= 10; i++) {
                int n = chapter * 10 + i;
                text.append("第").append(chinese(n)).append("条　物业服务人应当按照物业服务合同的约定，提供相应的服务，")
                        .append("并对业主共有部分进行日常维护和管理；业主大会会议召开十五日前应当公告会议议题。\n")
                        .append("违反前款规定的，由县级以上人民政府物业管理主管部门责令限期改正，给予警告，")
                        .append("可以处一万元以上五万元以下罚款；情节严重的，处五万元以上十万元以下罚款。\n");
                if (n % 5 == 0) {
                    text.append("（一）公开物业服务收费标准；\n（二）公开共有部分经营收益；\n（三）公开维修资金使用情况。\n");
                }
            }
        }
        return text.toString();
    }

    /** 1–100 in Chinese numerals (一, 十二, 一百). */
    public static String chinese(int n) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n == 100) {
            return "一百";
        }
        String tens = n >= 20 ? digits[n / 10] + "十" : n >= 10 ? "十" : "";
        return tens + digits[n % 10];
    }
}
