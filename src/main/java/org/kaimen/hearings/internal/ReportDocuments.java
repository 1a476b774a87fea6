package org.kaimen.hearings.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.kaimen.hearings.Hearer;
import org.kaimen.hearings.HearingReport;
import org.springframework.stereotype.Component;

/**
 * The hearing report (听证报告, 山东听证规定第二十八条) as .docx and PDF, in the three parts the rule names. The Word
 * file uses the official body font 仿宋_GB2312 (Word falls back to 仿宋 where it is missing); the PDF uses
 * STSong-Light with UniGB-UCS2-H, a standard Asian font of the PDF specification whose metrics OpenPDF carries, so
 * nothing is embedded and no font file is needed on the server (as the adoption report does).
 */
@Component
public class ReportDocuments {

    enum Kind { TITLE, HEADING, SUBHEADING, PARAGRAPH }

    record Block(Kind kind, String text) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final ZoneId zone;

    public ReportDocuments(@org.springframework.beans.factory.annotation.Value("${kaimen.time-zone:Asia/Shanghai}")
                           String zone) {
        this.zone = ZoneId.of(zone);
    }

    List<Block> outline(HearingReport r) {
        List<Block> b = new ArrayList<>();
        b.add(new Block(Kind.TITLE, "关于《" + r.draftTitle() + "》立法听证会的听证报告"));
        b.add(new Block(Kind.HEADING, "一、基本情况"));
        String presiding = r.hearers().stream().filter(Hearer::presiding).map(Hearer::name).findFirst().orElse("");
        List<String> others = r.hearers().stream().filter(h -> !h.presiding()).map(Hearer::name).toList();
        b.add(new Block(Kind.PARAGRAPH, r.title() + "于" + WHEN.format(r.startsAt().atZoneSameInstant(zone))
                + "在" + r.place() + "举行。主持人" + presiding + "，听证人" + String.join("、", others) + "。"
                + "报名陈述人" + r.speakerRegistrations() + "人，报名旁听人" + r.observerRegistrations() + "人；"
                + "经公开随机遴选和邀请，确定陈述人" + r.speakers() + "人，旁听人" + r.observers() + "人。"));
        StringBuilder matters = new StringBuilder("听证事项：");
        for (int i = 0; i < r.matters().size(); i++) {
            var m = r.matters().get(i).matter();
            matters.append(i == 0 ? "" : "；").append(num(i)).append(m.title());
            if (!m.provisionLabels().isEmpty()) {
                matters.append("（").append(String.join("、", m.provisionLabels())).append("）");
            }
        }
        b.add(new Block(Kind.PARAGRAPH, matters.append("。").toString()));
        if (r.facts() != null) {
            b.add(new Block(Kind.PARAGRAPH, r.facts()));
        }
        b.add(new Block(Kind.HEADING, "二、陈述人提出的主要意见及其依据的事实和理由"));
        for (int i = 0; i < r.matters().size(); i++) {
            HearingReport.MatterViews mv = r.matters().get(i);
            b.add(new Block(Kind.SUBHEADING, num(i) + mv.matter().title()));
            views(b, "赞成的意见", mv.forViews());
            views(b, "反对的意见", mv.againstViews());
            views(b, "其他意见", mv.otherViews());
        }
        b.add(new Block(Kind.HEADING, "三、对听证意见的处理意见和建议"));
        for (int i = 0; i < r.matters().size(); i++) {
            var m = r.matters().get(i).matter();
            b.add(new Block(Kind.PARAGRAPH, num(i) + m.title() + "：" + (m.handling() == null ? "" : m.handling())));
        }
        return b;
    }

    private static void views(List<Block> b, String heading, List<HearingReport.View> views) {
        if (views.isEmpty()) {
            return;
        }
        b.add(new Block(Kind.PARAGRAPH, heading + "（" + views.size() + "条）："));
        for (HearingReport.View v : views) {
            b.add(new Block(Kind.PARAGRAPH, "陈述人" + v.number() + "（" + nz(v.sector()) + "，" + nz(v.district())
                    + "）：" + v.text() + (v.reasons() == null ? "" : "理由：" + v.reasons())));
        }
    }

    private static String num(int i) {
        return "（" + (i < NUMERALS.length ? NUMERALS[i] : String.valueOf(i + 1)) + "）";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public byte[] docx(HearingReport r) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(r.title());
            for (Block block : outline(r)) {
                XWPFParagraph p = doc.createParagraph();
                XWPFRun run = p.createRun();
                run.setText(block.text());
                switch (block.kind()) {
                    case TITLE -> {
                        p.setAlignment(ParagraphAlignment.CENTER);
                        font(run, "方正小标宋简体", 22, true);
                    }
                    case HEADING -> {
                        p.setIndentationFirstLine(640);
                        font(run, "黑体", 16, false);
                    }
                    case SUBHEADING -> {
                        p.setIndentationFirstLine(640);
                        font(run, "楷体_GB2312", 16, false);
                    }
                    case PARAGRAPH -> {
                        p.setAlignment(ParagraphAlignment.BOTH);
                        p.setIndentationFirstLine(640);
                        font(run, "仿宋_GB2312", 16, false);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void font(XWPFRun run, String family, int size, boolean bold) {
        run.setFontFamily(family);
        run.setFontFamily(family, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        run.setFontSize(size);
        run.setBold(bold);
    }

    public byte[] pdf(HearingReport r) {
        BaseFont song;
        try {
            song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float mm = 72f / 25.4f;
        Document document = new Document(PageSize.A4, 28 * mm, 26 * mm, 37 * mm, 35 * mm);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(r.title());
            document.addCreator("Kaimen");
            document.open();
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
            for (Block block : outline(r)) {
                Font font = switch (block.kind()) {
                    case TITLE -> new Font(song, 20f, Font.BOLD);
                    case HEADING -> new Font(song, 16f, Font.BOLD);
                    case SUBHEADING, PARAGRAPH -> new Font(song, 14f, Font.NORMAL);
                };
                Paragraph p = new Paragraph(block.kind() == Kind.TITLE ? 30f : 24f, new Chunk(block.text(), font));
                p.setAlignment(block.kind() == Kind.TITLE ? Element.ALIGN_CENTER : Element.ALIGN_JUSTIFIED);
                p.setFirstLineIndent(block.kind() == Kind.TITLE ? 0 : 28f);
                p.setSpacingAfter(block.kind() == Kind.TITLE ? 18f : 4f);
                document.add(p);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The hearing report could not be set as PDF", e);
        }
        return out.toByteArray();
    }
}
