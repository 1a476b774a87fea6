package org.kaimen.drafts.internal.parsing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds references to provisions of the same document in provision text, so a UI can turn them
 * into links.
 *
 * <p>Recognised forms (numerals Chinese or Arabic, item numbers with or without parentheses):
 * <ul>
 *   <li>absolute: {@code 第十一条}, {@code 第十一条第二款}, {@code 第十一条第（五）项},
 *       {@code 第十一条第二款第（五）项第1目}, optionally prefixed by a self-reference such as
 *       {@code 本条例}, {@code 本法}, {@code 本办法}, which is then part of the link text;</li>
 *   <li>relative: {@code 本条}, {@code 本款}, {@code 前款}, {@code 前条}, each optionally
 *       followed by 款/项/目 parts ({@code 本条第一款}, {@code 前款第（二）项});</li>
 *   <li>bare lower parts: {@code 第二款} means a paragraph of the current article,
 *       {@code 第（三）项} an item of the current paragraph (or, when a document is supplied and
 *       the current paragraph has no such item, of the paragraph of this article that has it,
 *       as in a paragraph following an item list). A bare part glued to a numeral
 *       ({@code 第四十八第一款}, a typo for 第四十八条第一款) is skipped rather than
 *       mislinked;</li>
 *   <li>lists and ranges: in {@code 第三十五条、第三十六条} and {@code 第二十条至第二十二条}
 *       each article is its own reference. After a connector (、 和 及 与 或 至 到), a bare lower
 *       part continues the previous reference: {@code 第五条第二款、第三款} → {@code a5.p2},
 *       {@code a5.p3}; {@code 第三十六条第一款第一项至第八项} → {@code a36.p1.i1},
 *       {@code a36.p1.i8}. Articles strictly inside a range are not linked, since the
 *       range has no text of their own to attach a link to.</li>
 * </ul>
 *
 * <p>References to other laws are not internal and are left out: a reference directly after a
 * book title ({@code 《物业管理条例》第十条}) or after an unquoted law name
 * ({@code 物权法第十条}), together with the bare parts chained to it. Text inside 《》 is never
 * searched.
 *
 * <p>An item reference without a paragraph ({@code 第十一条第（五）项}) points to paragraph 1,
 * unless a parsed document is supplied, in which case it points to the paragraph of that
 * article which actually has the item. Relative references whose context is unknown (article or
 * paragraph 0) are skipped rather than guessed.
 */
public final class CrossReferences {

    private static final String N = "[〇零一二两三四五六七八九十百千0-9０-９]{1,8}+";
    private static final String SP = "[ \\u3000]*+";

    private static final Pattern REFERENCE = Pattern.compile(
            "(?<self>本(?:实施细则|条例|法|规定|办法|细则|决定|规则|章程|准则))?"
                    + "(?:"
                    + "第" + SP + "(?<art>" + N + ")" + SP + "条(?!之[一二三四五六七八九十])"
                    + "|(?<rel>本条(?!例)|前条|本款|前款)"
                    + "|(?=第" + SP + N + SP + "款|第" + SP + "[（(]?" + N + "[）)]?" + SP + "项)"
                    + ")"
                    + "(?:第" + SP + "(?<para>" + N + ")" + SP + "款)?"
                    + "(?:第" + SP + "(?:[（(]" + SP + "(?<item>" + N + ")" + SP + "[）)]|(?<itemb>" + N + "))"
                    + SP + "项(?!目))?"
                    + "(?:第" + SP + "(?<sub>" + N + ")" + SP + "目)?");

    private static final Pattern CONNECTOR = Pattern.compile("[ \\u3000]*(?:、|和|及|以及|与|或者|或|至|到)[ \\u3000]*");

    private static final String[] LAW_SUFFIXES = {"实施细则", "条例", "办法", "细则", "规则", "章程", "法典", "法"};
    /** Characters before 法 that make a verb (依法, 违法, …) rather than a law's name. */
    private static final String NOT_A_LAW_BEFORE_FA = "依合违守执立司用做说看想方无非手算写技章办";

    private CrossReferences() {
    }

    /** References in {@code text} without any context: relative references are not resolved. */
    public static List<CrossReference> find(String text) {
        return find(text, 0, 0, null);
    }

    /**
     * References in {@code text}, which belongs to paragraph {@code currentParagraph} of article
     * {@code currentArticle} (0 when unknown).
     */
    public static List<CrossReference> find(String text, int currentArticle, int currentParagraph) {
        return find(text, currentArticle, currentParagraph, null);
    }

    /**
     * Like {@link #find(String, int, int)}, using {@code document} (may be {@code null}) to find
     * the paragraph of an item cited without its paragraph.
     */
    public static List<CrossReference> find(String text, int currentArticle, int currentParagraph,
                                            ParseResult document) {
        List<CrossReference> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Map<String, ParsedProvision> index = document == null ? Map.of() : CitationLabels.index(document.roots());
        boolean[] inBookTitle = bookTitleMask(text);
        Matcher m = REFERENCE.matcher(text);
        Target previous = null;
        int previousEnd = -1;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            if (m.end() == m.start()) {
                from = m.start() + 1;
                continue;
            }
            from = m.end();
            if (inBookTitle[m.start()]) {
                previous = null;
                continue;
            }
            boolean chained = previous != null
                    && CONNECTOR.matcher(text.substring(previousEnd, m.start())).matches();
            Target target = resolve(m, text, chained ? previous : null, currentArticle, currentParagraph);
            if (target != null && target.paragraph == 0 && target.item > 0) {
                target = target.withParagraph(inferParagraph(index, target));
            }
            previous = target;
            previousEnd = m.end();
            if (target == null || target.external) {
                continue;
            }
            String key = CitationLabels.key(target.article, target.paragraph, target.item, target.subitem);
            out.add(new CrossReference(m.start(), m.end(), key, m.group()));
        }
        return out;
    }

    /**
     * References in every paragraph, item and sub-item of {@code document}, keyed by the key of
     * the provision whose text contains them; provisions without references are left out.
     */
    public static Map<String, List<CrossReference>> findAll(ParseResult document) {
        Map<String, List<CrossReference>> out = new LinkedHashMap<>();
        for (CitationLabels.Citation c : CitationLabels.citations(document.roots())) {
            ParsedProvision p = c.provision();
            if (p.kind().ordinal() < ProvisionKind.PARAGRAPH.ordinal() || p.text().isEmpty()) {
                continue;
            }
            int article = 0;
            int paragraph = 0;
            for (ParsedProvision step : c.path()) {
                if (step.kind() == ProvisionKind.ARTICLE) {
                    article = step.number();
                } else if (step.kind() == ProvisionKind.PARAGRAPH) {
                    paragraph = step.number();
                }
            }
            List<CrossReference> refs = find(p.text(), article, paragraph, document);
            if (!refs.isEmpty()) {
                out.putIfAbsent(c.key(), refs);
            }
        }
        return out;
    }

    /**
     * A resolved reference. {@code paragraph} 0 with an item means "not written"; it is then
     * inferred, starting from {@code preferredParagraph} (the paragraph the text is in, for a
     * bare 第X项).
     */
    private record Target(int article, int paragraph, int item, int subitem, boolean external,
                          int preferredParagraph) {
        Target(int article, int paragraph, int item, int subitem, boolean external) {
            this(article, paragraph, item, subitem, external, 0);
        }

        Target withParagraph(int p) {
            return new Target(article, p, item, subitem, external, preferredParagraph);
        }
    }

    private static Target resolve(Matcher m, String text, Target previous, int currentArticle,
                                  int currentParagraph) {
        boolean self = m.group("self") != null;
        int para = number(m.group("para"));
        int item = m.group("item") != null ? number(m.group("item")) : number(m.group("itemb"));
        int sub = number(m.group("sub"));
        if (para < 0 || item < 0 || sub < 0) {
            return null;
        }
        if (m.group("art") != null) {
            int article = number(m.group("art"));
            if (article <= 0) {
                return null;
            }
            boolean external = !self && (namesOtherLaw(text, m.start())
                    || (previous != null && previous.external));
            return new Target(article, para, item, sub, external);
        }
        String rel = m.group("rel");
        if (rel != null) {
            switch (rel) {
                case "本条":
                    return currentArticle > 0 ? new Target(currentArticle, para, item, sub, false) : null;
                case "前条":
                    if (currentArticle <= 1) {
                        return null;
                    }
                    return new Target(currentArticle - 1, para, item, sub, false);
                case "本款":
                    if (currentArticle <= 0 || currentParagraph <= 0 || para > 0) {
                        return null;
                    }
                    return new Target(currentArticle, currentParagraph, item, sub, false);
                default: // 前款
                    if (currentArticle <= 0 || currentParagraph <= 1 || para > 0) {
                        return null;
                    }
                    return new Target(currentArticle, currentParagraph - 1, item, sub, false);
            }
        }
        if (self) {
            // 本条例第二款 is not a meaningful citation.
            return null;
        }
        if (m.start() > 0 && ChineseNumerals.isNumeralChar(text.charAt(m.start() - 1))) {
            // 第四十八第一款 (a typo for 第四十八条第一款): the bare part is not about this article.
            return null;
        }
        // A bare 第X款 / 第X项: continues a list, or else refers to the current provision.
        if (previous != null) {
            if (para > 0) {
                return new Target(previous.article, para, item, sub, previous.external);
            }
            return new Target(previous.article, previous.paragraph, item, sub, previous.external);
        }
        if (currentArticle <= 0) {
            return null;
        }
        if (para > 0) {
            return new Target(currentArticle, para, item, sub, false);
        }
        // 第（三）项 alone usually means an item of this paragraph, but a paragraph following an
        // item list cites that list the same way (对第一项至第八项规定的行为……).
        return currentParagraph > 0 ? new Target(currentArticle, 0, item, sub, false, currentParagraph) : null;
    }

    private static int number(String numeral) {
        if (numeral == null) {
            return 0;
        }
        OptionalInt v = ChineseNumerals.tryParse(numeral);
        return v.isPresent() ? v.getAsInt() : -1;
    }

    /** Whether the words right before {@code start} name another law or a book title. */
    private static boolean namesOtherLaw(String text, int start) {
        int i = start;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\u3000')) {
            i--;
        }
        if (i == 0) {
            return false;
        }
        if (text.charAt(i - 1) == '》' || text.charAt(i - 1) == '〉') {
            return true;
        }
        for (String suffix : LAW_SUFFIXES) {
            int s = i - suffix.length();
            if (s >= 0 && text.startsWith(suffix, s)) {
                char before = s > 0 ? text.charAt(s - 1) : ' ';
                if (before == '本' || before == '该' || before == '此') {
                    return false;
                }
                if (suffix.equals("法") && NOT_A_LAW_BEFORE_FA.indexOf(before) >= 0) {
                    return false;
                }
                return s > 0 && TextUtil.isCjk(before);
            }
        }
        return false;
    }

    /**
     * Marks characters inside 《…》, which are titles of other documents, not references. An
     * unclosed 《 marks nothing: a typo must not hide the rest of the paragraph.
     */
    private static boolean[] bookTitleMask(String text) {
        boolean[] mask = new boolean[text.length()];
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '《') {
                open.push(i);
            } else if (c == '》' && !open.isEmpty()) {
                int from = open.pop();
                if (open.isEmpty()) {
                    java.util.Arrays.fill(mask, from, i + 1, true);
                }
            }
        }
        return mask;
    }

    /**
     * Paragraph of an item cited without one: the preferred paragraph if it has the item, else the
     * first paragraph of the article that has it; without a document, the preferred paragraph or 1.
     */
    private static int inferParagraph(Map<String, ParsedProvision> index, Target target) {
        int fallback = target.preferredParagraph > 0 ? target.preferredParagraph : 1;
        ParsedProvision article = index.get(CitationLabels.key(target.article, 0, 0, 0));
        if (article == null) {
            return fallback;
        }
        if (hasItem(article, fallback, target.item)) {
            return fallback;
        }
        for (ParsedProvision p : article.children()) {
            if (hasItem(article, p.number(), target.item)) {
                return p.number();
            }
        }
        return fallback;
    }

    private static boolean hasItem(ParsedProvision article, int paragraph, int item) {
        for (ParsedProvision p : article.children()) {
            if (p.number() == paragraph) {
                for (ParsedProvision i : p.children()) {
                    if (i.kind() == ProvisionKind.ITEM && i.number() == item) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
