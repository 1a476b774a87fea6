package org.kaimen.comments.internal.importing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provision of a draft: article (条), paragraph (款) and item (项). A paragraph or item of 0 means the citation
 * stops at the level above, e.g. {@code (12, 0, 0)} is the whole of 第十二条.
 */
public record ProvisionCitation(int article, int paragraph, int item) {

    private static final String NUMBER = "([0-9]{1,4}|[零〇一二两三四五六七八九十百]{1,8})";

    // Item numbers appear as 第（三）项 in legal texts, but clerks also write 第三项 or just （三）.
    private static final Pattern CHINESE = Pattern.compile(
            "(?:第" + NUMBER + "条|" + NUMBER + "条?)"
                    + "(?:第" + NUMBER + "款)?"
                    + "(?:第\\(" + NUMBER + "\\)项|第" + NUMBER + "项|\\(" + NUMBER + "\\)项?)?");

    private static final Pattern ENGLISH = Pattern.compile(
            "(?:article|art\\.?)([0-9]{1,4})"
                    + "(?:,?(?:paragraph|para\\.?)([0-9]{1,4}))?"
                    + "(?:,?item([0-9]{1,4}))?");

    public ProvisionCitation {
        if (article < 1 || paragraph < 0 || item < 0) {
            throw new IllegalArgumentException(
                    "Article must be positive, paragraph and item non-negative: " + article + "/" + paragraph + "/" + item);
        }
    }

    /**
     * Reads a citation as clerks write it: {@code 第十二条}, {@code 第十二条第二款}, {@code 第十二条第二款第（三）项},
     * {@code 第12条}, {@code 12}, {@code Article 12, paragraph 2}. Full-width digits and brackets and inner blanks are
     * accepted. Numbers run from 1 to 999.
     *
     * @return the citation, or empty when the text is not a citation; a blank text is not a citation either (the
     *         reader treats a blank cell as the draft as a whole before asking)
     */
    public static Optional<ProvisionCitation> parse(String citation) {
        if (citation == null) {
            return Optional.empty();
        }
        String compact = Text.fold(citation).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (compact.isEmpty()) {
            return Optional.empty();
        }
        Matcher chinese = CHINESE.matcher(compact);
        if (chinese.matches()) {
            return of(
                    firstGroup(chinese, 1, 2),
                    firstGroup(chinese, 3),
                    firstGroup(chinese, 4, 5, 6));
        }
        Matcher english = ENGLISH.matcher(compact);
        if (english.matches()) {
            return of(english.group(1), english.group(2), english.group(3));
        }
        return Optional.empty();
    }

    private static String firstGroup(Matcher matcher, int... groups) {
        for (int group : groups) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return null;
    }

    private static Optional<ProvisionCitation> of(String article, String paragraph, String item) {
        int a = ChineseNumerals.parse(article);
        int p = paragraph == null ? 0 : ChineseNumerals.parse(paragraph);
        int i = item == null ? 0 : ChineseNumerals.parse(item);
        if (a < 1 || p < 0 || i < 0) {
            return Optional.empty();
        }
        return Optional.of(new ProvisionCitation(a, p, i));
    }

    /** The citation as a legal text writes it, e.g. 第十二条第二款第（三）项; {@link #parse} reads it back. */
    public String toChinese() {
        if (article > ChineseNumerals.MAX || paragraph > ChineseNumerals.MAX || item > ChineseNumerals.MAX) {
            return toString();
        }
        StringBuilder out = new StringBuilder("第").append(ChineseNumerals.format(article)).append('条');
        if (paragraph > 0) {
            out.append('第').append(ChineseNumerals.format(paragraph)).append('款');
        }
        if (item > 0) {
            out.append("第（").append(ChineseNumerals.format(item)).append("）项");
        }
        return out.toString();
    }
}
