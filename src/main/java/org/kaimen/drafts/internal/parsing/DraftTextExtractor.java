package org.kaimen.drafts.internal.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;

/**
 * Turns uploaded documents into the plain text that {@link DraftParser} reads: one provision per
 * line, normalised with {@link #normalize(String)}.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class DraftTextExtractor {

    /** Word numbering formats that produce Chinese numerals, as used for 第X条 and （X） labels. */
    private static final Set<String> CHINESE_FORMATS = Set.of(
            "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
            "japaneseCounting", "japaneseDigitalTenThousand", "taiwaneseCounting",
            "taiwaneseCountingThousand", "taiwaneseDigital");
    /** Arabic formats; reconstructed too because 目 labels ({@code 1.}) are legal structure. */
    private static final Set<String> DECIMAL_FORMATS = Set.of(
            "decimal", "decimalFullWidth", "decimalFullWidth2", "decimalHalfWidth", "decimalZero");

    private static final Pattern HEADING_MARK = Pattern.compile("^ {0,3}#{1,6}(?:[ \\t]+|$)");
    private static final Pattern CLOSING_HASHES = Pattern.compile("[ \\t]+#+[ \\t]*$");
    private static final Pattern BLOCKQUOTE = Pattern.compile("^[ \\t]*(?:>[ \\t]?)+");
    private static final Pattern BULLET = Pattern.compile("^[ \\t]*[-*+][ \\t]+");
    private static final Pattern RULE = Pattern.compile("^[ \\t]*(?:(?:-[ \\t]*){3,}|(?:\\*[ \\t]*){3,}|(?:_[ \\t]*){3,}|=+)$");
    private static final Pattern TABLE_DIVIDER = Pattern.compile("^[ \\t]*\\|?(?:[ \\t]*:?-+:?[ \\t]*\\|)+[ \\t]*:?-*:?[ \\t]*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern STRONG = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![*\\w])\\*(?=\\S)([^*\\n]+?)(?<=\\S)\\*(?![*\\w])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern CODE = Pattern.compile("`+([^`]*)`+");
    private static final Pattern BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern INLINE_TAG = Pattern.compile(
            "(?i)</?(?:u|b|i|em|strong|span|sup|sub|font|p|div|center|ins|del|s|mark|small|big)\\b[^>]*>");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>|~])");

    // ------------------------------------------------------------------------------------------
    // normalize

    /**
     * Normalises text for parsing and storage:
     * <ul>
     *   <li>byte order mark, zero-width characters, soft hyphens and control characters other
     *       than line breaks are removed;</li>
     *   <li>{@code \r\n}, {@code \r}, U+2028 and U+2029 become {@code \n};</li>
     *   <li>no-break spaces (U+00A0, U+2007, U+202F) and tabs become ASCII spaces;</li>
     *   <li>each line is trimmed of all whitespace including U+3000, which Chinese documents use
     *       for indentation; U+3000 inside a line is kept, as it conventionally separates
     *       {@code 第X条} from the article text;</li>
     *   <li>runs of blank lines collapse into one; leading and trailing blank lines are
     *       removed; a non-empty result ends with a single {@code \n}.</li>
     * </ul>
     */
    public String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                cleaned.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\u2028' || c == '\u2029' || c == '\n') {
                cleaned.append('\n');
            } else if (c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F') {
                cleaned.append(' ');
            } else if (TextUtil.isInvisible(c) || Character.isISOControl(c)) {
                continue;
            } else {
                cleaned.append(c);
            }
        }
        StringBuilder out = new StringBuilder(cleaned.length());
        boolean pendingBlank = false;
        for (String line : DraftParser.splitLines(cleaned.toString())) {
            String trimmed = TextUtil.strip(line);
            if (trimmed.isEmpty()) {
                pendingBlank = out.length() > 0;
                continue;
            }
            if (pendingBlank) {
                out.append('\n');
                pendingBlank = false;
            }
            out.append(trimmed).append('\n');
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------
    // markdown

    /**
     * Converts markdown to plain text: HTML comments, heading markers, emphasis, strike-through
     * and code markers, links (their text is kept), images, block quotes, horizontal rules and
     * bullet list markers are removed; table rows become one line per cell. Numbered list
     * markers ({@code 1.}) are kept because in legislation they are sub-item (目) labels. The
     * result is {@linkplain #normalize(String) normalised}.
     */
    public String fromMarkdown(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        String text = TextUtil.blankHtmlComments(markdown);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : DraftParser.splitLines(text)) {
            if (RULE.matcher(line).matches() || TABLE_DIVIDER.matcher(line).matches()) {
                out.append('\n');
                continue;
            }
            String s = BLOCKQUOTE.matcher(line).replaceFirst("");
            Matcher heading = HEADING_MARK.matcher(s);
            if (heading.find()) {
                s = CLOSING_HASHES.matcher(s.substring(heading.end())).replaceFirst("");
            }
            s = BULLET.matcher(s).replaceFirst("");
            s = IMAGE.matcher(s).replaceAll("$1");
            s = LINK.matcher(s).replaceAll("$1");
            s = STRONG.matcher(s).replaceAll("$1");
            s = EMPHASIS.matcher(s).replaceAll("$1");
            s = STRIKE.matcher(s).replaceAll("$1");
            s = CODE.matcher(s).replaceAll("$1");
            s = BREAK_TAG.matcher(s).replaceAll("\n");
            s = INLINE_TAG.matcher(s).replaceAll("");
            s = ESCAPE.matcher(s).replaceAll("$1");
            String trimmed = TextUtil.strip(s);
            if (trimmed.startsWith("|") && trimmed.length() > 1) {
                for (String cell : trimmed.substring(1).split("\\|")) {
                    out.append(TextUtil.strip(cell)).append('\n');
                }
                continue;
            }
            out.append(s).append('\n');
        }
        return normalize(out.toString());
    }

    // ------------------------------------------------------------------------------------------
    // docx

    /**
     * Extracts the body text of a Word (.docx) document: paragraphs in order, tables row by row
     * and cell by cell (each cell paragraph on its own line), content controls included;
     * headers, footers, footnotes and comments are left out. Automatic list numbering is
     * reconstructed when its format is Chinese ({@code 第%1条} with {@code chineseCounting} gives
     * {@code 第一条}) or Arabic ({@code %1.} gives {@code 1.}); other numbering (bullets, letters,
     * roman numerals) is dropped and the paragraph text kept. The result is
     * {@linkplain #normalize(String) normalised}.
     *
     * @throws IOException if the stream cannot be read or is not a .docx document
     */
    public String fromDocx(InputStream in) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(in)) {
            StringBuilder out = new StringBuilder();
            Numbering numbering = new Numbering(doc.getNumbering(), doc.getStyles());
            for (IBodyElement element : doc.getBodyElements()) {
                append(element, numbering, out);
            }
            return normalize(out.toString());
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            // POI signals malformed packages with assorted runtime exceptions; callers should
            // only have to handle one failure type for "this upload is not a Word document".
            throw new IOException("Not a readable .docx document: " + e.getMessage(), e);
        }
    }

    private void append(IBodyElement element, Numbering numbering, StringBuilder out) {
        if (element instanceof XWPFParagraph paragraph) {
            String label = numbering.label(paragraph);
            out.append(label).append(paragraph.getText()).append('\n');
        } else if (element instanceof XWPFTable table) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    for (IBodyElement inner : cell.getBodyElements()) {
                        append(inner, numbering, out);
                    }
                }
            }
        } else if (element instanceof XWPFSDT sdt) {
            out.append(sdt.getContent().getText()).append('\n');
        }
    }

    /**
     * Replays Word's list counters. POI exposes the numbering definitions but not the numbers
     * Word displays, so they are recomputed in document order: one set of counters per abstract
     * list, deeper levels restarting whenever a shallower level advances.
     */
    private static final class Numbering {
        private final XWPFNumbering numbering;
        private final XWPFStyles styles;
        private final Map<BigInteger, int[]> counters = new HashMap<>();
        private final Set<BigInteger> seenNums = new HashSet<>();

        Numbering(XWPFNumbering numbering, XWPFStyles styles) {
            this.numbering = numbering;
            this.styles = styles;
        }

        String label(XWPFParagraph paragraph) {
            if (numbering == null) {
                return "";
            }
            try {
                return labelOrEmpty(paragraph);
            } catch (RuntimeException | LinkageError e) {
                // Exotic numbering definitions must not lose the paragraph's text.
                return "";
            }
        }

        private String labelOrEmpty(XWPFParagraph paragraph) {
            BigInteger numId = paragraph.getNumID();
            BigInteger ilvlValue = paragraph.getNumIlvl();
            String styleId = null;
            if (numId == null) {
                // Drafting templates often attach the numbering to a paragraph style (条, 项).
                CTNumPr fromStyle = styleNumbering(paragraph.getStyle());
                if (fromStyle != null && fromStyle.getNumId() != null) {
                    numId = fromStyle.getNumId().getVal();
                    ilvlValue = fromStyle.getIlvl() == null ? null : fromStyle.getIlvl().getVal();
                    styleId = paragraph.getStyle();
                }
            }
            if (numId == null || numId.signum() == 0) {
                return "";
            }
            BigInteger abstractId = numbering.getAbstractNumID(numId);
            XWPFAbstractNum abstractNum = abstractId == null ? null : numbering.getAbstractNum(abstractId);
            if (abstractNum == null || abstractNum.getCTAbstractNum() == null) {
                return "";
            }
            CTLvl[] levels = levels(abstractNum.getCTAbstractNum());
            int ilvl = ilvlValue == null ? levelLinkedToStyle(levels, styleId) : ilvlValue.intValue();
            if (ilvl < 0 || ilvl > 8 || levels[ilvl] == null) {
                return "";
            }
            int[] counter = counters.computeIfAbsent(abstractId, k -> {
                int[] c = new int[9];
                java.util.Arrays.fill(c, Integer.MIN_VALUE);
                return c;
            });
            if (seenNums.add(numId)) {
                applyStartOverrides(numId, counter);
            }
            counter[ilvl] = counter[ilvl] == Integer.MIN_VALUE ? start(levels[ilvl]) : counter[ilvl] + 1;
            for (int deeper = ilvl + 1; deeper < 9; deeper++) {
                counter[deeper] = Integer.MIN_VALUE;
            }
            String format = format(levels[ilvl]);
            if (!CHINESE_FORMATS.contains(format) && !DECIMAL_FORMATS.contains(format)) {
                return "";
            }
            String text = levels[ilvl].getLvlText() == null ? null : levels[ilvl].getLvlText().getVal();
            if (text == null) {
                return "";
            }
            StringBuilder label = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) >= '1' && text.charAt(i + 1) <= '9') {
                    int level = text.charAt(i + 1) - '1';
                    int value = counter[level] == Integer.MIN_VALUE
                            ? (levels[level] == null ? 1 : start(levels[level])) : counter[level];
                    label.append(render(value, levels[level] == null ? "decimal" : format(levels[level])));
                    i++;
                } else {
                    label.append(c);
                }
            }
            String result = label.toString();
            if (result.isEmpty()) {
                return "";
            }
            // Word separates the label with a tab by default; in text, 第X条 is followed by U+3000.
            char last = result.charAt(result.length() - 1);
            return last == '条' || last == '章' || last == '节' || last == '编' ? result + '\u3000' : result;
        }

        /** Numbering properties of a style or the styles it is based on, nearest first. */
        private CTNumPr styleNumbering(String styleId) {
            String id = styleId;
            for (int depth = 0; id != null && styles != null && depth < 16; depth++) {
                XWPFStyle style = styles.getStyle(id);
                if (style == null || style.getCTStyle() == null) {
                    return null;
                }
                CTPPrGeneral pPr = style.getCTStyle().getPPr();
                if (pPr != null && pPr.getNumPr() != null) {
                    return pPr.getNumPr();
                }
                id = style.getCTStyle().getBasedOn() == null ? null : style.getCTStyle().getBasedOn().getVal();
            }
            return null;
        }

        /** The level whose {@code w:pStyle} names the style; Word's way of giving a style a level. */
        private static int levelLinkedToStyle(CTLvl[] levels, String styleId) {
            for (int i = 0; styleId != null && i < levels.length; i++) {
                if (levels[i] != null && levels[i].getPStyle() != null
                        && styleId.equals(levels[i].getPStyle().getVal())) {
                    return i;
                }
            }
            return 0;
        }

        private void applyStartOverrides(BigInteger numId, int[] counter) {
            XWPFNum num = numbering.getNum(numId);
            if (num == null || num.getCTNum() == null) {
                return;
            }
            for (CTNumLvl override : num.getCTNum().getLvlOverrideArray()) {
                if (override.isSetStartOverride() && override.getIlvl() != null) {
                    int level = override.getIlvl().intValue();
                    if (level >= 0 && level < 9) {
                        counter[level] = override.getStartOverride().getVal().intValue() - 1;
                    }
                }
            }
        }

        private static CTLvl[] levels(CTAbstractNum abstractNum) {
            CTLvl[] byLevel = new CTLvl[9];
            for (CTLvl lvl : abstractNum.getLvlArray()) {
                if (lvl.getIlvl() != null) {
                    int i = lvl.getIlvl().intValue();
                    if (i >= 0 && i < 9) {
                        byLevel[i] = lvl;
                    }
                }
            }
            return byLevel;
        }

        private static int start(CTLvl lvl) {
            return lvl.getStart() == null || lvl.getStart().getVal() == null ? 1 : lvl.getStart().getVal().intValue();
        }

        private static String format(CTLvl lvl) {
            return lvl.getNumFmt() == null || lvl.getNumFmt().getVal() == null
                    ? "decimal" : lvl.getNumFmt().getVal().toString();
        }

        private static String render(int value, String format) {
            if (value < 0 || value > ChineseNumerals.MAX) {
                return String.valueOf(value);
            }
            if (CHINESE_FORMATS.contains(format)) {
                if (format.equals("chineseLegalSimplified")) {
                    return financial(ChineseNumerals.format(value));
                }
                if (format.equals("ideographDigital") || format.equals("taiwaneseDigital")
                        || format.equals("japaneseDigitalTenThousand")) {
                    return digits(value);
                }
                return ChineseNumerals.format(value);
            }
            return String.valueOf(value);
        }

        private static String digits(int value) {
            String plain = String.valueOf(value);
            StringBuilder sb = new StringBuilder(plain.length());
            for (int i = 0; i < plain.length(); i++) {
                sb.append("〇一二三四五六七八九".charAt(plain.charAt(i) - '0'));
            }
            return sb.toString();
        }

        private static String financial(String numeral) {
            StringBuilder sb = new StringBuilder(numeral.length());
            for (int i = 0; i < numeral.length(); i++) {
                char c = numeral.charAt(i);
                int idx = "零一二三四五六七八九十百千万".indexOf(c);
                sb.append(idx < 0 ? c : "零壹贰叁肆伍陆柒捌玖拾佰仟万".charAt(idx));
            }
            return sb.toString();
        }
    }
}
