package org.kaimen.shared.charts;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The few sentences charts generate, in Simplified Chinese and English. Kept as a table in code
 * rather than a ResourceBundle so the component stays a handful of files that can be copied as is.
 * Placeholders are {0}, {1}, … and are substituted in a single pass, so user text that happens to
 * contain "{1}" is never expanded again. Keys ending in ".one" are English singular forms.
 */
final class Messages {

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("noData", "暂无数据"),
            Map.entry("noDataDesc", "暂无数据。"),
            Map.entry("total", "共 {0} 条意见。"),
            Map.entry("most", "最多的是：{0}。"),
            Map.entry("listSeparator", "、"),
            Map.entry("sentenceSeparator", ""),
            Map.entry("item", "{0}（{1} 条）"),
            Map.entry("itemPercent", "{0}（{1} 条，{2}%）"),
            Map.entry("tooltip", "{0}：{1} 条"),
            Map.entry("tooltipPercent", "{0}：{1} 条（{2}%）"),
            Map.entry("legend", "{0}：{1}（{2}%）"),
            Map.entry("range", "时间：{0}至{1}。"),
            Map.entry("singleDay", "日期：{0}。"),
            Map.entry("perWeek", "按周统计。"),
            Map.entry("perMonth", "按月统计。"),
            Map.entry("perYear", "按年统计。"),
            Map.entry("week", "{0}起一周"),
            Map.entry("yearRange", "{0}—{1}年"),
            Map.entry("year", "{0}年"),
            Map.entry("dateFull", "u年M月d日"),
            Map.entry("dateShort", "M月d日"),
            Map.entry("month", "u年M月"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("noData", "No data yet"),
            Map.entry("noDataDesc", "No data yet."),
            Map.entry("total", "{0} comments in total."),
            Map.entry("total.one", "{0} comment in total."),
            Map.entry("most", "Most: {0}."),
            Map.entry("listSeparator", ", "),
            Map.entry("sentenceSeparator", " "),
            Map.entry("item", "{0} ({1} comments)"),
            Map.entry("item.one", "{0} ({1} comment)"),
            Map.entry("itemPercent", "{0} ({1} comments, {2}%)"),
            Map.entry("itemPercent.one", "{0} ({1} comment, {2}%)"),
            Map.entry("tooltip", "{0}: {1} comments"),
            Map.entry("tooltip.one", "{0}: {1} comment"),
            Map.entry("tooltipPercent", "{0}: {1} comments ({2}%)"),
            Map.entry("tooltipPercent.one", "{0}: {1} comment ({2}%)"),
            Map.entry("legend", "{0}: {1} ({2}%)"),
            Map.entry("range", "From {0} to {1}."),
            Map.entry("singleDay", "On {0}."),
            Map.entry("perWeek", "Counted per week."),
            Map.entry("perMonth", "Counted per month."),
            Map.entry("perYear", "Counted per year."),
            Map.entry("week", "Week of {0}"),
            Map.entry("yearRange", "{0}–{1}"),
            Map.entry("year", "{0}"),
            Map.entry("dateFull", "MMM d, u"),
            Map.entry("dateShort", "MMM d"),
            Map.entry("month", "MMM u"));

    private final Map<String, String> table;
    /** Month names must match the message language, not e.g. a French number locale. */
    private final Locale textLocale;

    private Messages(Map<String, String> table, Locale textLocale) {
        this.table = table;
        this.textLocale = textLocale;
    }

    static Messages of(Locale locale) {
        return "zh".equals(locale.getLanguage())
                ? new Messages(ZH, Locale.SIMPLIFIED_CHINESE)
                : new Messages(EN, Locale.ENGLISH);
    }

    String get(String key, String... args) {
        String pattern = table.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        return substitute(pattern, args);
    }

    /** Picks the ".one" variant when {@code count} is exactly one and the language has one. */
    String counted(String key, BigInteger count, String... args) {
        String k = count.equals(BigInteger.ONE) && table.containsKey(key + ".one") ? key + ".one" : key;
        return get(k, args);
    }

    String date(String patternKey, LocalDate date) {
        return DateTimeFormatter.ofPattern(get(patternKey), textLocale).format(date);
    }

    static String substitute(String pattern, String... args) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                out.append(args[Integer.parseInt(pattern.substring(i + 1, close))]);
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
