package org.kaimen.drafts.internal.parsing;

import java.util.List;

/**
 * Renders a provision tree as plain text in the canonical layout that {@link DraftParser} reads
 * back into the same tree:
 *
 * <pre>
 * 某某市物业管理条例（草案）
 * 2019年6月27日通过
 * 第一章 总则
 * 第一节 一般规定
 * 第一条　为了……，制定本条例。
 * 第二款的文字。
 * （一）第一项；
 * 1.第一目；
 * </pre>
 *
 * One line per provision, no blank lines: headings as {@code 第X章 标题} (ASCII space), articles
 * with a full-width space (U+3000) after the number as in official gazettes, items with
 * full-width parentheses, sub-items as {@code 1.}. Lines are joined with {@code \n} and the text
 * ends with a newline.
 */
public final class DraftTextRenderer {

    /** Separator between {@code 第X条} and the article text, as typeset in official publications. */
    public static final char ARTICLE_SEPARATOR = '\u3000';

    /** Renders title, preamble and all provisions. */
    public String render(ParseResult result) {
        StringBuilder sb = new StringBuilder();
        if (!result.title().isEmpty()) {
            line(sb, result.title());
        }
        for (String p : result.preamble()) {
            line(sb, p);
        }
        for (ParsedProvision root : result.roots()) {
            render(root, sb);
        }
        return sb.toString();
    }

    /** Renders one provision and its descendants. */
    public String render(ParsedProvision provision) {
        StringBuilder sb = new StringBuilder();
        render(provision, sb);
        return sb.toString();
    }

    private void render(ParsedProvision p, StringBuilder sb) {
        switch (p.kind()) {
            case PART, CHAPTER, SECTION -> {
                String label = CitationLabels.headingLabel(p.kind(), p.number());
                line(sb, p.heading().isEmpty() ? label : label + " " + p.heading());
                textLines(sb, p.text());
                children(p.children(), sb);
            }
            case ARTICLE -> renderArticle(p, sb);
            case PARAGRAPH -> {
                textLines(sb, p.text());
                children(p.children(), sb);
            }
            case ITEM -> {
                line(sb, "（" + ChineseNumerals.format(p.number()) + "）" + p.text());
                children(p.children(), sb);
            }
            case SUBITEM -> line(sb, p.number() + "." + p.text());
        }
    }

    private void renderArticle(ParsedProvision article, StringBuilder sb) {
        String label = "第" + ChineseNumerals.format(article.number()) + "条";
        List<ParsedProvision> children = article.children();
        int start = 0;
        if (!children.isEmpty() && children.get(0).kind() == ProvisionKind.PARAGRAPH) {
            // Paragraph 1 shares the article line; its items follow on their own lines.
            ParsedProvision first = children.get(0);
            line(sb, first.text().isEmpty() ? label : label + ARTICLE_SEPARATOR + first.text());
            children(first.children(), sb);
            start = 1;
        } else {
            line(sb, label);
        }
        if (!article.text().isEmpty()) {
            textLines(sb, article.text());
        }
        children(children.subList(start, children.size()), sb);
    }

    private void children(List<ParsedProvision> children, StringBuilder sb) {
        for (ParsedProvision child : children) {
            render(child, sb);
        }
    }

    private static void textLines(StringBuilder sb, String text) {
        if (text.isEmpty()) {
            return;
        }
        for (String l : text.split("\n", -1)) {
            line(sb, l);
        }
    }

    private static void line(StringBuilder sb, String text) {
        sb.append(text).append('\n');
    }
}
