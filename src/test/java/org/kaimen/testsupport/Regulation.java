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
}
