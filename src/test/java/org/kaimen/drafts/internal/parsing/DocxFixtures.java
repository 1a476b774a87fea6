package org.kaimen.drafts.internal.parsing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.function.Consumer;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Builds Word documents in memory, the way a drafting office would produce them. */
final class DocxFixtures {

    private DocxFixtures() {
    }

    /** Serialises a document built by {@code content} and returns it as an upload stream. */
    static InputStream docx(Consumer<XWPFDocument> content) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(doc);
            doc.write(out);
            return new ByteArrayInputStream(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the built-in heading styles so that headings carry a real style, as in Word. */
    static void addHeadingStyles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        for (int level = 1; level <= 3; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading" + level);
            style.addNewName().setVal("heading " + level);
            styles.addStyle(new XWPFStyle(style));
        }
    }

    /**
     * Adds a paragraph style named {@code styleId} that carries list numbering itself, as Chinese
     * drafting templates do for their 条 and 项 styles.
     */
    static void addNumberedStyle(XWPFDocument doc, String styleId, BigInteger numId, int ilvl) {
        XWPFStyles styles = doc.getStyles() != null ? doc.getStyles() : doc.createStyles();
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(styleId);
        style.addNewName().setVal(styleId);
        CTNumPr numPr = style.addNewPPr().addNewNumPr();
        numPr.addNewNumId().setVal(numId);
        numPr.addNewIlvl().setVal(BigInteger.valueOf(ilvl));
        styles.addStyle(new XWPFStyle(style));
    }

    static XWPFParagraph paragraph(XWPFDocument doc, String text, String styleId) {
        XWPFParagraph p = doc.createParagraph();
        if (styleId != null) {
            p.setStyle(styleId);
        }
        p.createRun().setText(text);
        return p;
    }

    /**
     * Adds a two-level list: level 0 renders as {@code level0Text}, level 1 as
     * {@code level1Text}, both in {@code format}. Returns the numId to put on paragraphs.
     */
    static BigInteger addList(XWPFDocument doc, String level0Text, String level1Text, STNumberFormat.Enum format) {
        XWPFNumbering numbering = doc.createNumbering();
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        BigInteger abstractId = BigInteger.valueOf(numbering.getAbstractNums().size() + 10L);
        abstractNum.setAbstractNumId(abstractId);
        level(abstractNum, 0, level0Text, format);
        level(abstractNum, 1, level1Text, format);
        BigInteger id = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum, numbering));
        return numbering.addNum(id);
    }

    private static void level(CTAbstractNum abstractNum, int ilvl, String text, STNumberFormat.Enum format) {
        CTLvl lvl = abstractNum.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(ilvl));
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(format);
        lvl.addNewLvlText().setVal(text);
    }

    static void number(XWPFParagraph p, BigInteger numId, int ilvl) {
        p.setNumID(numId);
        p.setNumILvl(BigInteger.valueOf(ilvl));
    }
}
