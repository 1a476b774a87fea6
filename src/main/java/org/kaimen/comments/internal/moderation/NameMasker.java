package org.kaimen.comments.internal.moderation;

import java.util.Set;

/**
 * Masks a commenter's display name for public views.
 *
 * <p>Chinese names keep the surname and get one star per remaining character
 * ({@code 张小明} → {@code 张**}, {@code 欧阳娜娜} → {@code 欧阳**}): the surname alone is
 * shared by millions and lets readers see that a real person wrote the comment. Names in
 * other scripts keep the first character of the first word and always get three stars
 * ({@code Zhang Wei} → {@code Z***}), because their length would otherwise narrow them down.
 *
 * <p>Masking is idempotent ({@code 张*} stays {@code 张*}). Instances are stateless and
 * thread-safe.
 */
public final class NameMasker {

    /** Stars after the kept letter of a non-Chinese name; fixed so the length does not leak. */
    static final String LATIN_MASK = "***";

    /**
     * Compound (two-character) surnames, simplified and traditional. A two-character name
     * starting with one of these is still read as single surname plus given name
     * ({@code 欧阳} → {@code 欧*}), since 欧, 司, 上 … are common single surnames too.
     */
    static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "太史", "端木", "上官", "司马", "东方", "独孤", "南宫", "万俟", "闻人",
            "夏侯", "诸葛", "尉迟", "公羊", "赫连", "澹台", "皇甫", "宗政", "濮阳", "公冶",
            "太叔", "申屠", "公孙", "慕容", "仲孙", "钟离", "长孙", "宇文", "司徒", "鲜于",
            "司空", "闾丘", "子车", "亓官", "司寇", "巫马", "公西", "颛孙", "壤驷", "公良",
            "漆雕", "乐正", "宰父", "谷梁", "拓跋", "夹谷", "轩辕", "令狐", "段干", "百里",
            "呼延", "东郭", "南门", "羊舌", "微生", "公户", "公玉", "公仪", "梁丘", "公仲",
            "公上", "公门", "公山", "公坚", "左丘", "公伯", "西门", "公祖", "第五", "公乘",
            "贯丘", "公皙", "南荣", "东里", "东宫", "仲长", "子书", "子桑", "即墨", "达奚",
            "褚师", "归海", "东门", "西方", "淳于", "单于", "哥舒",
            "歐陽", "司馬", "諸葛", "東方", "獨孤", "南宮", "聞人", "尉遲", "公孫", "鍾離",
            "長孫", "軒轅", "鮮於", "閭丘", "顓孫", "壤駟", "樂正", "穀梁", "東郭", "濮陽");

    /**
     * Returns the masked name, or {@code null} for a {@code null} or blank name so that the
     * caller shows its anonymous label (匿名) instead of an empty string.
     */
    public String mask(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = stripSpaces(name);
        if (trimmed.isEmpty()) {
            return null;
        }
        int first = trimmed.codePointAt(0);
        if (Character.UnicodeScript.of(first) != Character.UnicodeScript.HAN) {
            return new StringBuilder().appendCodePoint(first).append(LATIN_MASK).toString();
        }
        // People type "张 伟" or paste names with full-width spaces; spacing is not part of the name.
        String compact = trimmed.codePoints()
                .filter(cp -> !isSpace(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        int length = compact.codePointCount(0, compact.length());
        int surnameLength = 1;
        if (length > 2 && COMPOUND_SURNAMES.contains(prefix(compact, 2))) {
            surnameLength = 2;
        }
        String surname = prefix(compact, surnameLength);
        // A lone character is most likely only the surname; still add a star so the
        // output never looks like an unmasked one-character name.
        int stars = Math.max(1, length - surnameLength);
        return surname + "*".repeat(stars);
    }

    /** Also covers no-break and ideographic spaces, which {@link String#strip()} misses in part. */
    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '\u200B' || cp == '\uFEFF';
    }

    private static String stripSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static String prefix(String s, int codePoints) {
        return s.substring(0, s.offsetByCodePoints(0, codePoints));
    }
}
