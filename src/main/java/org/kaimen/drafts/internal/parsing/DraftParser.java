package org.kaimen.drafts.internal.parsing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of a Chinese regulation or draft regulation into a provision tree.
 *
 * <h2>Recognised layout</h2>
 * One provision per line; blank lines are ignored. Before parsing, each line loses invisible
 * characters (zero-width spaces, BOM), surrounding whitespace (including U+3000 indentation),
 * markdown heading markers ({@code ##}) and bold markers ({@code **}); HTML comments are removed
 * even when they span lines. Line numbers in the result always refer to the original text.
 * <ul>
 *   <li>Title: the first non-empty line (a markdown {@code # } heading takes precedence), plus
 *       a following {@code （草案）}/{@code （征求意见稿）} line.</li>
 *   <li>Preamble: lines after the title up to the first heading or article. A table of contents
 *       (a {@code 目录} line followed by headings that reappear later, or a run of headings
 *       without articles that restarts) is skipped and reported once.</li>
 *   <li>Headings: {@code 第X编}, {@code 第X章}, {@code 第X节}, followed by the title; spaces
 *       inside the numeral or the title ({@code 第 一 章 总 则}) are tolerated. A heading whose
 *       title would contain sentence punctuation is not a heading but ordinary text (it is a
 *       sentence starting with a reference such as {@code 第二章规定的……}).</li>
 *   <li>Articles: {@code 第X条} with X in Chinese or Arabic numerals, text after it on the same
 *       line. Without a separator, {@code 第十条规定的……} is read as text, not as an article.</li>
 *   <li>Paragraphs (款): the article line's text is paragraph 1; each further line that is not an
 *       item or sub-item starts a new paragraph. When the article line is bare, the next text
 *       line becomes paragraph 1.</li>
 *   <li>Items (项): {@code （一）} or {@code (一)}; they belong to the current paragraph.</li>
 *   <li>Sub-items (目): {@code 1.}, {@code 1．}, {@code 1、} inside an item; elsewhere such a line
 *       is an ordinary paragraph.</li>
 * </ul>
 *
 * <h2>Counting</h2>
 * Every article has at least one paragraph, so {@link Counts#paragraphs()} (the total number of
 * 款 over all articles) is never smaller than {@link Counts#articles()}. Items and sub-items are
 * counted wherever they occur; list lines outside any article are not items (see below).
 *
 * <h2>Irregular input</h2>
 * {@link #parse(String)} never throws and never drops text silently. Numbering gaps, repeats and
 * reversals, empty articles, items out of order, a 节 outside any 章 and lines that belong to no
 * article (kept as the {@code text} of the heading above them) are reported as
 * {@link Anomaly anomalies} with their source line. Inserted articles ({@code 第十条之一}) are
 * kept as a paragraph of the preceding article and reported, since article numbers are integers.
 * A text without any article is not a draft ({@link ParseResult#isDraft()}).
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class DraftParser {

    private static final String WS = "[\\s\\u00A0\\u2007\\u202F\\u3000]";
    private static final String NUM_CHAR = "[〇零一二两三四五六七八九十百千万壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬0-9０-９]";
    private static final String CN_NUM_CHAR = "[〇零一二两三四五六七八九十百千万]";

    /** 第X编/章/节/条. Possessive quantifiers keep matching linear on hostile input. */
    private static final Pattern STRUCTURE = Pattern.compile(
            "第" + WS + "*+(" + NUM_CHAR + "(?:" + WS + "*+" + NUM_CHAR + ")*+)" + WS + "*+([编章节条])");
    private static final Pattern ITEM = Pattern.compile(
            "[（(]" + WS + "*+(" + CN_NUM_CHAR + "{1,8}+)" + WS + "*+[）)]");
    private static final Pattern SUBITEM = Pattern.compile("([0-9０-９]{1,3}+)" + WS + "*+[.．、](?![0-9０-９])");
    private static final Pattern INSERTED_SUFFIX = Pattern.compile("之" + CN_NUM_CHAR + "+");
    private static final Pattern DRAFT_SUFFIX = Pattern.compile(
            "[（(][^（()）]{0,20}(?:草案|稿|送审)[^（()）]{0,20}[）)]");

    /** Text that continues a sentence when glued to 第X条/第X章, i.e. a reference, not a label. */
    private static final String[] REFERENCE_CONTINUATIONS = {
        "第", "规定", "的", "、", "至", "到", "和", "或", "及", "与", "所称", "所列", "所指", "所述", "所规定",
        "之规定", "款", "项", "，", "。", "；", "：", ",", ";"
    };

    private static final Pattern SPACES = Pattern.compile(WS + "+");

    /** Longest plausible heading title; longer "titles" are sentences. */
    private static final int MAX_TITLE_LENGTH = 40;
    /** Longest line taken as the title of a preceding bare heading such as {@code 第一章}. */
    private static final int MAX_DETACHED_TITLE_LENGTH = 20;

    /** Parses {@code text}; {@code null} is treated as empty. Never throws. */
    public ParseResult parse(String text) {
        try {
            return new Run(text == null ? "" : text).run();
        } catch (RuntimeException | StackOverflowError e) {
            // Importers must get a result for any upload; the anomaly makes the failure visible.
            return ParseResult.of("", List.of(), List.of(), List.of(new Anomaly(0,
                    AnomalyType.PARSER_FAILURE, "Parser failed: " + e, "")));
        }
    }

    // ------------------------------------------------------------------------------------------
    // Line classification

    private enum LineKind { BLANK, HEADING, ARTICLE, ITEM, SUBITEM, TOC_MARKER, TEXT }

    /** A cleaned source line and what it looks like. */
    private record Line(int number, String text, int markdownLevel, LineKind kind, ProvisionKind headingKind,
                        String numeral, OptionalInt value, String rest, boolean inserted) {
    }

    private static Line classify(int number, String raw) {
        String s = TextUtil.strip(TextUtil.removeInvisible(raw));
        int level = 0;
        while (level < s.length() && s.charAt(level) == '#') {
            level++;
        }
        if (level > 0 && level <= 6 && (level == s.length() || TextUtil.isSpace(s.charAt(level))
                || s.charAt(level) > 0x7F)) {
            s = TextUtil.strip(s.substring(level));
        } else {
            level = 0;
        }
        if (s.contains("**")) {
            s = TextUtil.strip(s.replace("**", ""));
        }
        if (s.isEmpty()) {
            return new Line(number, s, level, LineKind.BLANK, null, null, OptionalInt.empty(), "", false);
        }
        if (s.length() <= 12 && isTocMarker(SPACES.matcher(s).replaceAll(""))) {
            return new Line(number, s, level, LineKind.TOC_MARKER, null, null, OptionalInt.empty(), "", false);
        }
        Matcher m = STRUCTURE.matcher(s);
        if (m.lookingAt()) {
            String numeral = m.group(1);
            char unit = m.group(2).charAt(0);
            String after = s.substring(m.end());
            boolean separated = after.isEmpty() || TextUtil.isSpace(after.charAt(0));
            String rest = TextUtil.strip(after);
            OptionalInt value = ChineseNumerals.tryParse(numeral);
            if (unit == '条') {
                if (!separated && INSERTED_SUFFIX.matcher(after).lookingAt()) {
                    return new Line(number, s, level, LineKind.TEXT, null, numeral, value, rest, true);
                }
                if (separated || !continuesReference(after)) {
                    return new Line(number, s, level, LineKind.ARTICLE, null, numeral, value, rest, false);
                }
            } else {
                String title = TextUtil.compactTitle(after);
                if ((separated || !continuesReference(after)) && isPlausibleTitle(title)) {
                    ProvisionKind kind = unit == '编' ? ProvisionKind.PART
                            : unit == '章' ? ProvisionKind.CHAPTER : ProvisionKind.SECTION;
                    return new Line(number, s, level, LineKind.HEADING, kind, numeral, value, title, false);
                }
            }
            return new Line(number, s, level, LineKind.TEXT, null, null, OptionalInt.empty(), s, false);
        }
        m = ITEM.matcher(s);
        if (m.lookingAt()) {
            OptionalInt value = ChineseNumerals.tryParse(m.group(1));
            if (value.isPresent()) {
                return new Line(number, s, level, LineKind.ITEM, null, m.group(1), value,
                        TextUtil.strip(s.substring(m.end())), false);
            }
        }
        m = SUBITEM.matcher(s);
        if (m.lookingAt()) {
            return new Line(number, s, level, LineKind.SUBITEM, null, m.group(1),
                    ChineseNumerals.tryParse(m.group(1)), TextUtil.strip(s.substring(m.end())), false);
        }
        return new Line(number, s, level, LineKind.TEXT, null, null, OptionalInt.empty(), s, false);
    }

    private static boolean isTocMarker(String compact) {
        return compact.equals("目录") || compact.equals("目次");
    }

    private static boolean continuesReference(String after) {
        for (String prefix : REFERENCE_CONTINUATIONS) {
            if (after.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlausibleTitle(String title) {
        if (title.length() > MAX_TITLE_LENGTH) {
            return false;
        }
        for (int i = 0; i < title.length(); i++) {
            switch (title.charAt(i)) {
                case '。': case '；': case '，': case '：': case ';': case '！': case '？':
                    return false;
                default:
                    break;
            }
        }
        return true;
    }

    /** Splits on \n, \r\n and lone \r, the line ends a browser upload may contain. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    // ------------------------------------------------------------------------------------------
    // Tree building

    /** Mutable node used while building; frozen into {@link ParsedProvision} at the end. */
    private static final class Node {
        final ProvisionKind kind;
        final int number;
        String heading;
        String text;
        int line;
        final List<Node> children = new ArrayList<>();

        Node(ProvisionKind kind, int number, String heading, String text, int line) {
            this.kind = kind;
            this.number = number;
            this.heading = heading;
            this.text = text;
            this.line = line;
        }

        ParsedProvision freeze() {
            List<ParsedProvision> frozen = new ArrayList<>(children.size());
            for (Node child : children) {
                frozen.add(child.freeze());
            }
            return new ParsedProvision(kind, number, heading, text, line, frozen);
        }

        Node lastChild() {
            return children.isEmpty() ? null : children.get(children.size() - 1);
        }

        void appendText(String more) {
            text = text.isEmpty() ? more : text + "\n" + more;
        }
    }

    private record HeadingKey(ProvisionKind kind, int number, Node container) {
    }

    /** State of one parse. */
    private static final class Run {
        private final List<String> rawLines;

        private String title = "";
        private boolean titleFromMarkdown;
        private final List<String> preamble = new ArrayList<>();
        private final List<Node> roots = new ArrayList<>();
        private final List<Anomaly> anomalies = new ArrayList<>();

        private boolean inBody;
        private Node part;
        private Node chapter;
        private Node section;
        private Node article;
        private Node paragraph;
        private Node item;
        /** Heading written without a title ({@code 第一章} alone); the next short line may be it. */
        private Node awaitingTitle;

        private int lastPart;
        private int lastChapter;
        private int lastSection;
        private int lastArticle;
        private boolean chapterRestartAllowed;
        private boolean sectionRestartAllowed;
        private int articleCount;

        /** Index of the first anomaly recorded after the first heading; used to undo a TOC. */
        private int anomaliesAtFirstHeading = -1;
        private int firstHeadingLine;
        private final Set<HeadingKey> headingsSeen = new HashSet<>();

        /** Explicit 目录 block: its lines are held back until we know the block really ended. */
        private List<Line> tocBuffer;
        private Line tocMarker;
        private final Set<String> tocHeadings = new HashSet<>();
        private boolean tocDisabled;

        Run(String text) {
            this.rawLines = splitLines(TextUtil.blankHtmlComments(text));
        }

        ParseResult run() {
            for (int i = 0; i < rawLines.size(); i++) {
                Line line = classify(i + 1, rawLines.get(i));
                if (tocBuffer != null) {
                    if (!continuesToc(line)) {
                        if (tocHeadings.isEmpty()) {
                            abandonToc();
                        } else {
                            endToc();
                        }
                        accept(line);
                    }
                } else {
                    accept(line);
                }
            }
            if (tocBuffer != null) {
                abandonToc();
            }
            closeArticle();
            List<ParsedProvision> frozen = new ArrayList<>(roots.size());
            for (Node root : roots) {
                frozen.add(root.freeze());
            }
            return ParseResult.of(title, preamble, frozen, anomalies);
        }

        // --- table of contents ------------------------------------------------------------

        private boolean continuesToc(Line line) {
            if (line.kind() == LineKind.ARTICLE) {
                return false;
            }
            String key = tocKey(line);
            if (key != null && !tocHeadings.add(key)) {
                return false;
            }
            tocBuffer.add(line);
            return true;
        }

        /** Heading identity inside a TOC, lenient because TOC lines carry page numbers and dots. */
        private static String tocKey(Line line) {
            if (line.kind() == LineKind.HEADING) {
                return line.headingKind() + ":" + line.value().orElse(-1);
            }
            Matcher m = STRUCTURE.matcher(line.text());
            if (m.lookingAt() && !m.group(2).equals("条")) {
                return (m.group(2).equals("编") ? ProvisionKind.PART
                        : m.group(2).equals("章") ? ProvisionKind.CHAPTER : ProvisionKind.SECTION)
                        + ":" + ChineseNumerals.tryParse(m.group(1)).orElse(-1);
            }
            return null;
        }

        /**
         * The block listed no headings or never reached a repeated one: it was not a table of
         * contents, so everything held back is parsed as ordinary lines after all.
         */
        private void abandonToc() {
            List<Line> held = tocBuffer;
            Line marker = tocMarker;
            tocBuffer = null;
            tocMarker = null;
            tocDisabled = true;
            text(marker);
            for (Line heldLine : held) {
                accept(heldLine);
            }
        }

        private void endToc() {
            int skipped = 0;
            for (Line held : tocBuffer) {
                if (held.kind() != LineKind.BLANK) {
                    skipped++;
                }
            }
            anomalies.add(new Anomaly(tocMarker.number(), AnomalyType.TABLE_OF_CONTENTS,
                    "Skipped a table of contents of " + skipped + " line(s)", tocMarker.text()));
            tocBuffer = null;
            tocMarker = null;
        }

        // --- dispatch ---------------------------------------------------------------------

        private void accept(Line line) {
            switch (line.kind()) {
                case BLANK -> { }
                case TOC_MARKER -> {
                    if (articleCount == 0 && !tocDisabled) {
                        tocMarker = line;
                        tocBuffer = new ArrayList<>();
                        tocHeadings.clear();
                    } else {
                        text(line);
                    }
                }
                case HEADING -> heading(line);
                case ARTICLE -> article(line);
                default -> text(line);
            }
        }

        // --- title and preamble -----------------------------------------------------------

        private void preambleLine(Line line) {
            if (line.markdownLevel() == 1 && !titleFromMarkdown) {
                // An explicit "# title" wins over a first line that was only a guess.
                if (!title.isEmpty()) {
                    preamble.add(0, title);
                }
                title = line.text();
                titleFromMarkdown = true;
                return;
            }
            if (title.isEmpty() && preamble.isEmpty()) {
                title = line.text();
                titleFromMarkdown = line.markdownLevel() == 1;
                return;
            }
            if (preamble.isEmpty() && DRAFT_SUFFIX.matcher(line.text()).matches()) {
                title = title + line.text();
                return;
            }
            preamble.add(line.text());
        }

        // --- headings ---------------------------------------------------------------------

        private void heading(Line line) {
            ProvisionKind kind = line.headingKind();
            Node container = containerFor(kind);
            int number = line.value().orElse(-1);
            if (articleCount == 0 && number >= 0 && isRestart(kind, number, container)) {
                discardImplicitToc(line);
                container = containerFor(kind);
            }
            closeArticle();
            inBody = true;
            if (anomaliesAtFirstHeading < 0) {
                anomaliesAtFirstHeading = anomalies.size();
                firstHeadingLine = line.number();
            }
            number = checkHeadingNumber(line, kind);
            Node node = new Node(kind, number, line.rest(), "", line.number());
            if (container == null) {
                roots.add(node);
            } else {
                container.children.add(node);
            }
            headingsSeen.add(new HeadingKey(kind, number, container));
            switch (kind) {
                case PART -> {
                    part = node;
                    chapter = null;
                    section = null;
                    chapterRestartAllowed = true;
                    sectionRestartAllowed = true;
                }
                case CHAPTER -> {
                    chapter = node;
                    section = null;
                    chapterRestartAllowed = false;
                    sectionRestartAllowed = true;
                }
                default -> {
                    if (chapter == null) {
                        anomalies.add(new Anomaly(line.number(), AnomalyType.STRUCTURE_OUT_OF_ORDER,
                                "Section heading outside any chapter", line.text()));
                    }
                    section = node;
                    sectionRestartAllowed = false;
                }
            }
            awaitingTitle = node.heading.isEmpty() ? node : null;
        }

        private Node containerFor(ProvisionKind kind) {
            return switch (kind) {
                case PART -> null;
                case CHAPTER -> part;
                default -> chapter != null ? chapter : part;
            };
        }

        /**
         * A heading that repeats or goes back before any article has been seen means that what
         * came before was a table of contents without a 目录 line.
         */
        private boolean isRestart(ProvisionKind kind, int number, Node container) {
            if (headingsSeen.contains(new HeadingKey(kind, number, container))) {
                return true;
            }
            int last = switch (kind) {
                case PART -> lastPart;
                case CHAPTER -> chapterRestartAllowed ? 0 : lastChapter;
                default -> sectionRestartAllowed ? 0 : lastSection;
            };
            return number < last;
        }

        private void discardImplicitToc(Line line) {
            int skippedLines = line.number() - firstHeadingLine;
            while (anomalies.size() > anomaliesAtFirstHeading) {
                anomalies.remove(anomalies.size() - 1);
            }
            anomalies.add(new Anomaly(firstHeadingLine, AnomalyType.TABLE_OF_CONTENTS,
                    "Skipped headings listed before the body (" + skippedLines
                            + " line(s)), treating them as a table of contents", ""));
            anomaliesAtFirstHeading = anomalies.size();
            firstHeadingLine = line.number();
            roots.clear();
            headingsSeen.clear();
            part = chapter = section = null;
            awaitingTitle = null;
            lastPart = lastChapter = lastSection = 0;
            chapterRestartAllowed = false;
            sectionRestartAllowed = false;
        }

        private int checkHeadingNumber(Line line, ProvisionKind kind) {
            int last;
            boolean restartOk;
            switch (kind) {
                case PART -> {
                    last = lastPart;
                    restartOk = false;
                }
                case CHAPTER -> {
                    last = lastChapter;
                    restartOk = chapterRestartAllowed;
                }
                default -> {
                    last = lastSection;
                    restartOk = sectionRestartAllowed;
                }
            }
            int number;
            if (line.value().isEmpty()) {
                number = last + 1;
                anomalies.add(new Anomaly(line.number(), AnomalyType.INVALID_NUMERAL,
                        "Unreadable " + kind.name().toLowerCase() + " number '" + line.numeral()
                                + "', assuming " + number, line.text()));
            } else {
                number = line.value().getAsInt();
                if (!(restartOk && number == 1) && number != last + 1) {
                    reportNumbering(line, kind, number, last);
                }
            }
            switch (kind) {
                case PART -> lastPart = number;
                case CHAPTER -> lastChapter = number;
                default -> lastSection = number;
            }
            return number;
        }

        private void reportNumbering(Line line, ProvisionKind kind, int number, int last) {
            String name = kind.name().toLowerCase();
            AnomalyType type;
            String message;
            if (number == last) {
                type = switch (kind) {
                    case PART -> AnomalyType.REPEATED_PART_NUMBER;
                    case CHAPTER -> AnomalyType.REPEATED_CHAPTER_NUMBER;
                    case SECTION -> AnomalyType.REPEATED_SECTION_NUMBER;
                    default -> AnomalyType.REPEATED_ARTICLE_NUMBER;
                };
                message = "Repeated " + name + " number " + number;
            } else if (number > last) {
                type = switch (kind) {
                    case PART -> AnomalyType.SKIPPED_PART_NUMBER;
                    case CHAPTER -> AnomalyType.SKIPPED_CHAPTER_NUMBER;
                    case SECTION -> AnomalyType.SKIPPED_SECTION_NUMBER;
                    default -> AnomalyType.SKIPPED_ARTICLE_NUMBER;
                };
                message = number - last == 2
                        ? "Skipped " + name + " number " + (last + 1)
                        : "Skipped " + name + " numbers " + (last + 1) + " to " + (number - 1);
            } else {
                type = AnomalyType.NUMBER_OUT_OF_ORDER;
                message = capitalize(name) + " number " + number + " follows " + last;
            }
            anomalies.add(new Anomaly(line.number(), type, message, TextUtil.abbreviate(line.text(), 80)));
        }

        // --- articles ---------------------------------------------------------------------

        private void article(Line line) {
            closeArticle();
            inBody = true;
            awaitingTitle = null;
            int number;
            if (line.value().isEmpty()) {
                number = lastArticle + 1;
                anomalies.add(new Anomaly(line.number(), AnomalyType.INVALID_NUMERAL,
                        "Unreadable article number '" + line.numeral() + "', assuming " + number,
                        TextUtil.abbreviate(line.text(), 80)));
            } else {
                number = line.value().getAsInt();
                if (number != lastArticle + 1) {
                    reportNumbering(line, ProvisionKind.ARTICLE, number, lastArticle);
                }
            }
            lastArticle = number;
            articleCount++;
            Node node = new Node(ProvisionKind.ARTICLE, number, null, "", line.number());
            Node container = section != null ? section : chapter != null ? chapter : part;
            if (container == null) {
                roots.add(node);
            } else {
                container.children.add(node);
            }
            article = node;
            paragraph = new Node(ProvisionKind.PARAGRAPH, 1, null, line.rest(), line.number());
            node.children.add(paragraph);
            item = null;
        }

        private void closeArticle() {
            if (article == null) {
                return;
            }
            boolean empty = true;
            for (Node p : article.children) {
                if (!p.text.isEmpty() || !p.children.isEmpty()) {
                    empty = false;
                    break;
                }
            }
            if (empty) {
                anomalies.add(new Anomaly(article.line, AnomalyType.EMPTY_ARTICLE,
                        "Article " + article.number + " has no text", "第" + ChineseNumerals.format(
                                Math.min(Math.max(article.number, 0), ChineseNumerals.MAX)) + "条"));
            }
            article = null;
            paragraph = null;
            item = null;
        }

        // --- text lines -------------------------------------------------------------------

        private void text(Line line) {
            if (!inBody) {
                preambleLine(line);
                return;
            }
            if (line.inserted()) {
                anomalies.add(new Anomaly(line.number(), AnomalyType.INSERTED_ARTICLE,
                        "Inserted article numbering (第X条之Y) is not supported; kept as text",
                        TextUtil.abbreviate(line.text(), 80)));
            }
            if (article == null) {
                if (awaitingTitle != null && line.kind() == LineKind.TEXT && !line.inserted()
                        && line.text().length() <= MAX_DETACHED_TITLE_LENGTH
                        && isPlausibleTitle(line.text())) {
                    awaitingTitle.heading = TextUtil.compactTitle(line.text());
                    awaitingTitle = null;
                    return;
                }
                awaitingTitle = null;
                orphan(line);
                return;
            }
            switch (line.kind()) {
                case ITEM -> addItem(line);
                case SUBITEM -> {
                    if (item != null) {
                        addSubitem(line);
                    } else {
                        addParagraph(line, line.text());
                    }
                }
                default -> addParagraph(line, line.text());
            }
        }

        private void orphan(Line line) {
            Node target = section != null ? section : chapter != null ? chapter : part;
            String where = target == null ? "the preamble" : describe(target);
            anomalies.add(new Anomaly(line.number(), AnomalyType.ORPHAN_TEXT,
                    "Text outside any article, kept with " + where, TextUtil.abbreviate(line.text(), 80)));
            if (target == null) {
                preamble.add(line.text());
            } else {
                target.appendText(line.text());
            }
        }

        private static String describe(Node heading) {
            return heading.kind.name().toLowerCase() + " " + heading.number;
        }

        private void addParagraph(Line line, String text) {
            Node first = article.children.get(0);
            if (article.children.size() == 1 && first.text.isEmpty() && first.children.isEmpty()) {
                // 第一条 on a line of its own: the wording on the next line is still paragraph 1.
                first.text = text;
                first.line = line.number();
                paragraph = first;
            } else {
                paragraph = new Node(ProvisionKind.PARAGRAPH, article.children.size() + 1, null, text,
                        line.number());
                article.children.add(paragraph);
            }
            item = null;
        }

        private void addItem(Line line) {
            int number = line.value().getAsInt();
            Node previous = paragraph.lastChild();
            int expected = previous == null ? 1 : previous.number + 1;
            if (number != expected) {
                anomalies.add(new Anomaly(line.number(), AnomalyType.ITEM_OUT_OF_ORDER,
                        "Item (" + number + ") where (" + expected + ") was expected in article "
                                + article.number, TextUtil.abbreviate(line.text(), 80)));
            }
            item = new Node(ProvisionKind.ITEM, number, null, line.rest(), line.number());
            paragraph.children.add(item);
        }

        private void addSubitem(Line line) {
            int number = line.value().orElse(item.children.size() + 1);
            Node previous = item.lastChild();
            int expected = previous == null ? 1 : previous.number + 1;
            if (number != expected) {
                anomalies.add(new Anomaly(line.number(), AnomalyType.ITEM_OUT_OF_ORDER,
                        "Sub-item " + number + " where " + expected + " was expected in article "
                                + article.number + " item (" + item.number + ")",
                        TextUtil.abbreviate(line.text(), 80)));
            }
            item.children.add(new Node(ProvisionKind.SUBITEM, number, null, line.rest(), line.number()));
        }

        private static String capitalize(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
