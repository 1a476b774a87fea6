package org.kaimen.drafts.internal.versioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only splitter for the regulation markdown files. Deliberately naive: the real parser lives
 * elsewhere, and these tests only need articles, chapters and paragraphs.
 */
final class RegulationText {

    static final String BINZHOU = "/regulations/binzhou_zhuzhai_wuye_tiaoli_2019.md";

    private static final Pattern CHAPTER = Pattern.compile("^##\\s+(第[一二三四五六七八九十百零]+章.*)$");
    private static final Pattern ARTICLE = Pattern.compile("^第([一二三四五六七八九十百零]+)条\\s*(.*)$");

    private RegulationText() {
    }

    static List<ArticleText> binzhou() {
        return load(BINZHOU, "bz-");
    }

    static List<ArticleText> load(String resource, String keyPrefix) {
        List<ArticleText> articles = new ArrayList<>();
        String chapter = null;
        Integer number = null;
        List<String> paragraphs = new ArrayList<>();
        for (String raw : read(resource).split("\n")) {
            String line = raw.strip();
            Matcher chapterLine = CHAPTER.matcher(line);
            Matcher articleLine = ARTICLE.matcher(line);
            if (chapterLine.matches() || articleLine.matches() || line.startsWith("#")) {
                if (number != null) {
                    articles.add(new ArticleText(keyPrefix + number, number, chapter, paragraphs));
                    number = null;
                    paragraphs = new ArrayList<>();
                }
                if (chapterLine.matches()) {
                    chapter = chapterLine.group(1).replaceAll("\\s+", " ");
                } else if (articleLine.matches()) {
                    number = chineseNumber(articleLine.group(1));
                    if (!articleLine.group(2).isBlank()) {
                        paragraphs.add(articleLine.group(2).strip());
                    }
                }
            } else if (number != null && !line.isEmpty() && !line.startsWith("<!--")) {
                paragraphs.add(line);
            }
        }
        if (number != null) {
            articles.add(new ArticleText(keyPrefix + number, number, chapter, paragraphs));
        }
        return articles;
    }

    static int chineseNumber(String numeral) {
        int total = 0;
        int digit = 0;
        for (char c : numeral.toCharArray()) {
            int value = "零一二三四五六七八九".indexOf(c);
            if (value >= 0) {
                digit = value;
            } else if (c == '十') {
                total += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            } else if (c == '百') {
                total += digit * 100;
                digit = 0;
            } else {
                throw new IllegalArgumentException("not a Chinese numeral: " + numeral);
            }
        }
        return total + digit;
    }

    private static String read(String resource) {
        try (InputStream in = RegulationText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
