package org.kaimen.feedback.internal.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;

/**
 * The report as a Word document laid out like a standing committee's (GB/T 9704): A4 with 37/35/28/26 mm margins,
 * the title in 方正小标宋简体 二号 bold and centred, the body in 仿宋_GB2312 三号 (16 pt) at a fixed 28 pt line
 * spacing with a two-character first-line indent, 一、 headings in 黑体, （一） headings in 楷体_GB2312, and the
 * page number as "— 1 —" centred in the footer.
 *
 * <p>Those fonts are the official ones but not on every computer; the document's font table names a fallback for
 * each (宋体, 仿宋, 楷体, with the GB2312 character set), which Word and WPS use when the font is missing.
 */
final class DocxReport {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体_GB2312";
    static final String LATIN_FONT = "Times New Roman";

    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;
    private static final double BODY_SIZE = 16;
    private static final int LINE = 28;
    private static final int INDENT = 640;

    private DocxReport() {
    }

    static byte[] write(List<ReportOutline.Block> blocks, String title) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            fontTable(doc);
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator("Kaimen");
            doc.createStyles().setEastAsia("zh-CN");
            for (ReportOutline.Block block : blocks) {
                paragraph(doc, block);
            }
            pageNumbers(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException | InvalidFormatException inMemory) {
            throw new UncheckedIOException(inMemory instanceof IOException io ? io : new IOException(inMemory));
        }
    }

    private static void paragraph(XWPFDocument doc, ReportOutline.Block block) {
        XWPFParagraph p = doc.createParagraph();
        XWPFRun r = p.createRun();
        r.setText(block.text());
        p.setSpacingBetween(LINE, LineSpacingRule.EXACT);
        switch (block.kind()) {
            case TITLE -> {
                p.setAlignment(ParagraphAlignment.CENTER);
                p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
                p.setSpacingBefore(240);
                p.setSpacingAfter(480);
                font(r, TITLE_FONT, 22, true);
            }
            case NOTE -> {
                p.setAlignment(ParagraphAlignment.CENTER);
                p.setSpacingAfter(240);
                font(r, SUBHEADING_FONT, BODY_SIZE, false);
            }
            case HEADING1 -> {
                p.setIndentationFirstLine(INDENT);
                font(r, HEADING_FONT, BODY_SIZE, false);
            }
            case HEADING2 -> {
                p.setIndentationFirstLine(INDENT);
                font(r, SUBHEADING_FONT, BODY_SIZE, false);
            }
            case HEADING3 -> {
                p.setIndentationFirstLine(INDENT);
                font(r, BODY_FONT, BODY_SIZE, true);
            }
            case PARAGRAPH -> {
                p.setAlignment(ParagraphAlignment.BOTH);
                p.setIndentationFirstLine(INDENT);
                font(r, BODY_FONT, BODY_SIZE, false);
            }
            case SIGNATURE -> {
                p.setAlignment(ParagraphAlignment.RIGHT);
                p.setIndentationRight(INDENT * 2);
                p.setSpacingBefore(560);
                font(r, BODY_FONT, BODY_SIZE, false);
            }
        }
    }

    /** The Chinese font for Chinese text (rFonts eastAsia), Times New Roman for Latin letters and digits. */
    private static void font(XWPFRun r, String chinese, double size, boolean bold) {
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(chinese, XWPFRun.FontCharRange.eastAsia);
        r.getCTR().getRPr().getRFontsArray(0).setHint(STHint.EAST_ASIA);
        r.setFontSize(size);
        r.setBold(bold);
    }

    private static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(twips(210)));
        size.setH(BigInteger.valueOf(twips(297)));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(37)));
        margins.setBottom(BigInteger.valueOf(twips(35)));
        margins.setLeft(BigInteger.valueOf(twips(28)));
        margins.setRight(BigInteger.valueOf(twips(26)));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        margins.setFooter(BigInteger.valueOf(twips(18)));
        margins.setGutter(BigInteger.ZERO);
    }

    /** "— PAGE —" centred in 宋体 四号, the page number a field that Word and WPS fill in. */
    private static void pageNumbers(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        footerRun(p).setText("— ");
        footerRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        footerRun(p).getCTR().addNewInstrText().setStringValue(" PAGE ");
        footerRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        footerRun(p).setText("1");
        footerRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        footerRun(p).setText(" —");
    }

    private static XWPFRun footerRun(XWPFParagraph p) {
        XWPFRun r = p.createRun();
        r.setFontFamily("宋体", XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(14);
        return r;
    }

    /**
     * word/fontTable.xml with the fallback of each Chinese font (w:altName, GB2312 charset): the way OOXML says which
     * font to use where 方正小标宋简体 or 仿宋_GB2312 is not installed.
     */
    private static void fontTable(XWPFDocument doc) throws InvalidFormatException, IOException {
        OPCPackage pkg = doc.getPackage();
        PackagePartName name = PackagingURIHelper.createPartName(XWPFRelation.FONT_TABLE.getDefaultFileName());
        if (pkg.containPart(name)) {
            return;
        }
        PackagePart part = pkg.createPart(name, XWPFRelation.FONT_TABLE.getContentType());
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
                .append("<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        chinese(xml, TITLE_FONT, "宋体", "roman");
        chinese(xml, BODY_FONT, "仿宋", "modern");
        chinese(xml, HEADING_FONT, "SimHei", "modern");
        chinese(xml, SUBHEADING_FONT, "楷体", "modern");
        chinese(xml, "宋体", "SimSun", "auto");
        xml.append("<w:font w:name=\"").append(LATIN_FONT).append("\"><w:charset w:val=\"00\"/>")
                .append("<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>")
                .append("</w:fonts>");
        try (OutputStream os = part.getOutputStream()) {
            os.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
        doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
    }

    private static void chinese(StringBuilder xml, String font, String fallback, String family) {
        xml.append("<w:font w:name=\"").append(font).append("\"><w:altName w:val=\"").append(fallback)
                .append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"").append(family)
                .append("\"/><w:pitch w:val=\"variable\"/></w:font>");
    }

    private static long twips(double mm) {
        return Math.round(mm * TWIPS_PER_MM);
    }
}
