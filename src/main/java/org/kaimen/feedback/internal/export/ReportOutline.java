package org.kaimen.feedback.internal.export;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.kaimen.comments.Channel;
import org.kaimen.comments.Stance;
import org.kaimen.feedback.AdoptionReport;
import org.kaimen.feedback.Disposition;

/**
 * The adoption report as a sequence of blocks in the order of a standing-committee document: title, introduction,
 * 一、总体情况 with the totals, 二、主要意见及采纳情况 by chapter, article and opinion, and the date of publication. The
 * Word and PDF exports lay out the same blocks, each in its own way.
 */
final class ReportOutline {

    enum Kind {
        /** The document's title. */
        TITLE,
        /** A line under the title (the preview mark). */
        NOTE,
        /** 一、 */
        HEADING1,
        /** （一） a chapter */
        HEADING2,
        /** 1. an article */
        HEADING3,
        PARAGRAPH,
        /** The date at the end, right-aligned. */
        SIGNATURE
    }

    record Block(Kind kind, String text) {
    }

    private ReportOutline() {
    }

    static String title(AdoptionReport report, Labels labels) {
        String t = report.draftTitle() == null ? "" : report.draftTitle().strip();
        // A title already in 《》 keeps its own brackets.
        if (t.startsWith("《") && t.endsWith("》") && t.length() > 2) {
            t = t.substring(1, t.length() - 1);
        }
        return labels.get("feedback.export.title", t);
    }

    static List<Block> of(AdoptionReport report, Labels labels, ZoneId zone) {
        List<Block> out = new ArrayList<>();
        out.add(new Block(Kind.TITLE, title(report, labels)));
        if (!report.published()) {
            out.add(new Block(Kind.NOTE, labels.get("feedback.export.preview")));
        }
        if (report.introduction() != null) {
            report.introduction().lines().map(String::strip).filter(l -> !l.isEmpty())
                    .forEach(l -> out.add(new Block(Kind.PARAGRAPH, l)));
        }

        AdoptionReport.Totals totals = report.totals();
        out.add(new Block(Kind.HEADING1, labels.get("feedback.export.overview")));
        out.add(new Block(Kind.PARAGRAPH, labels.get("feedback.export.totals", String.valueOf(totals.comments()),
                String.valueOf(totals.commenters()), String.valueOf(totals.opinions()))));
        String byChannel = labels.counts(totals.byChannel(), Channel.values(), "comments.channel.",
                "feedback.export.count-comments");
        if (!byChannel.isEmpty()) {
            out.add(new Block(Kind.PARAGRAPH, labels.get("feedback.export.by-channel", byChannel)));
        }
        String byStance = labels.counts(totals.byStance(), Stance.values(), "comments.stance.",
                "feedback.export.count-comments");
        if (!byStance.isEmpty()) {
            out.add(new Block(Kind.PARAGRAPH, labels.get("feedback.export.by-stance", byStance)));
        }
        String byDisposition = labels.counts(totals.byDisposition(), Disposition.values(), "feedback.disposition.",
                "feedback.export.count-opinions");
        if (!byDisposition.isEmpty()) {
            out.add(new Block(Kind.PARAGRAPH, labels.get("feedback.export.by-disposition", byDisposition)));
        }
        if (report.themes() != null && !report.themes().isEmpty()) {
            List<String> themes = report.themes().stream()
                    .map(t -> labels.get("feedback.export.theme", t.label(), String.valueOf(t.comments()))).toList();
            out.add(new Block(Kind.PARAGRAPH, labels.get("feedback.export.themes",
                    String.join(labels.get("feedback.export.separator"), themes))));
        }

        out.add(new Block(Kind.HEADING1, labels.get("feedback.export.opinions")));
        if (report.sections().isEmpty()) {
            out.add(new Block(Kind.PARAGRAPH, labels.get("feedback.export.no-opinions")));
        }
        int chapter = 0;
        for (AdoptionReport.Section section : report.sections()) {
            // Opinions on no chapter (the draft as a whole, or a draft without chapters) come first, unheaded.
            if (section.heading() != null && !section.heading().isBlank()) {
                out.add(new Block(Kind.HEADING2, "（" + ChineseNumber.of(++chapter) + "）" + section.heading()));
            }
            int article = 0;
            for (AdoptionReport.ArticleOpinions group : section.articles()) {
                String heading = group.articleKey() == null ? labels.get("feedback.export.whole-draft")
                        : labels.get("feedback.export.article", group.label());
                out.add(new Block(Kind.HEADING3, ++article + ". " + heading));
                int item = 0;
                for (AdoptionReport.Item o : group.opinions()) {
                    item(out, labels, ++item, o);
                }
            }
        }
        if (report.publishedAt() != null) {
            out.add(new Block(Kind.SIGNATURE, labels.date(report.publishedAt().atZoneSameInstant(zone)
                    .toLocalDate())));
        }
        return out;
    }

    private static void item(List<Block> out, Labels labels, int number, AdoptionReport.Item o) {
        out.add(new Block(Kind.PARAGRAPH, "（" + number + "）" + labels.get("feedback.export.item", o.summary(),
                String.valueOf(o.comments()))));
        String handled = labels.get("feedback.export.disposition", o.disposition() == null
                ? labels.get("feedback.export.pending") : labels.disposition(o.disposition()));
        if (o.reason() != null && !o.reason().isBlank()) {
            handled += labels.get("feedback.export.reason", o.reason().strip());
        }
        out.add(new Block(Kind.PARAGRAPH, handled));
        if (o.changedProvision() != null) {
            out.add(new Block(Kind.PARAGRAPH, labels.get("feedback.export.changed", o.changedProvision())));
        }
    }
}
