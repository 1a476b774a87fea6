package org.kaimen.feedback.internal.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The report as a print-ready PDF: A4, the margins of an official document (37/35/28/26 mm), the title, the sections
 * and "— 1 —" page numbers.
 *
 * <p>The Chinese is set in STSong-Light, one of the standard Asian fonts of the PDF specification, with the
 * UniGB-UCS2-H encoding; OpenPDF carries its metrics and CMaps, so no font file is needed on the server and none is
 * embedded. PDF viewers substitute the Song (宋体) font of the reader's system, which every Chinese system has, and
 * the text stays searchable and copyable. Bold is drawn by stroking the glyphs.
 */
final class PdfReport {

    static final String FONT = "STSong-Light";
    static final String ENCODING = "UniGB-UCS2-H";

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final float BODY = 14f;
    private static final float INDENT = 2 * BODY;

    private PdfReport() {
    }

    static byte[] write(List<ReportOutline.Block> blocks, String title) {
        BaseFont song = song();
        Font titleFont = new Font(song, 22f, Font.BOLD);
        Font heading = new Font(song, 16f, Font.BOLD);
        Font subheading = new Font(song, 15f, Font.NORMAL);
        Font strong = new Font(song, BODY, Font.BOLD);
        Font body = new Font(song, BODY, Font.NORMAL);
        Font note = new Font(song, BODY, Font.NORMAL, new Color(0x99, 0x1B, 0x1B));

        Document document = new Document(PageSize.A4, mm(28), mm(26), mm(37), mm(35));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageNumbers(new Font(song, 12f, Font.NORMAL)));
            document.addTitle(title);
            document.addCreator("Kaimen");
            document.open();
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
            for (ReportOutline.Block block : blocks) {
                Paragraph p = switch (block.kind()) {
                    case TITLE -> paragraph(block.text(), titleFont, Element.ALIGN_CENTER, 0, 32f, 6f, 24f);
                    case NOTE -> paragraph(block.text(), note, Element.ALIGN_CENTER, 0, 22f, 0, 12f);
                    case HEADING1 -> paragraph(block.text(), heading, Element.ALIGN_LEFT, INDENT, 26f, 10f, 4f);
                    case HEADING2 -> paragraph(block.text(), subheading, Element.ALIGN_LEFT, INDENT, 25f, 6f, 2f);
                    case HEADING3 -> paragraph(block.text(), strong, Element.ALIGN_LEFT, INDENT, 24f, 4f, 0);
                    case PARAGRAPH -> paragraph(block.text(), body, Element.ALIGN_JUSTIFIED, INDENT, 24f, 0, 2f);
                    case SIGNATURE -> paragraph(block.text(), body, Element.ALIGN_RIGHT, 0, 24f, 24f, 0);
                };
                document.add(p);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The report could not be set as PDF", e);
        }
        return out.toByteArray();
    }

    static BaseFont song() {
        try {
            return BaseFont.createFont(FONT, ENCODING, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("OpenPDF lacks the standard Asian font " + FONT, e);
        }
    }

    private static Paragraph paragraph(String text, Font font, int alignment, float firstLineIndent, float leading,
                                       float before, float after) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(ChineseLineBreaks.INSTANCE);
        Paragraph p = new Paragraph(leading, chunk);
        p.setAlignment(alignment);
        p.setFirstLineIndent(firstLineIndent);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    private static float mm(float mm) {
        return mm * POINTS_PER_MM;
    }

    /**
     * Chinese line breaking (避头尾): a line may break between any two Han characters, but never starts with a
     * closing mark (，。、）》 …) nor ends with an opening one (（《“ …).
     */
    static final class ChineseLineBreaks extends DefaultSplitCharacter {

        static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();
        private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…—·％";
        private static final String NO_LINE_END = "（《「『【〔〈“‘";

        @Override
        public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
            char c = getCurrentCharacter(current, cc, ck);
            if (NO_LINE_END.indexOf(c) >= 0) {
                return false;
            }
            if (current + 1 < end) {
                char next = getCurrentCharacter(current + 1, cc, ck);
                if (NO_LINE_START.indexOf(next) >= 0 || (next == ',' || next == '.') && c > 0x2E80) {
                    return false;
                }
            }
            return NO_LINE_START.indexOf(c) >= 0 || super.isSplitCharacter(start, current, end, cc, ck);
        }
    }

    /** "— n —" centred under the text of every page. */
    private static final class PageNumbers extends PdfPageEventHelper {

        private final Font font;

        PageNumbers(Font font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase("— " + writer.getPageNumber() + " —", font),
                    (document.left() + document.right()) / 2, document.bottom() - mm(12), 0);
        }
    }
}
