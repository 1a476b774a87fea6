package org.kaimen.drafts.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.kaimen.drafts.internal.versioning.VersionMapping.ArticleMapping;

class MatcherScaleTest {

    @Test
    void threeHundredArticlesAreMatchedWellUnderASecond() {
        List<ArticleText> before = largeDraft();
        Random random = new Random(7);
        Map<String, String> expected = new LinkedHashMap<>();
        List<ArticleText> after = revise(before, random, expected);
        ProvisionMatcher matcher = new ProvisionMatcher();
        matcher.match(before, after);

        long start = System.nanoTime();
        VersionMapping mapping = matcher.match(before, after);
        double millis = (System.nanoTime() - start) / 1e6;

        Map<String, String> actual = new LinkedHashMap<>();
        for (ArticleMapping fate : mapping.articles()) {
            actual.put(fate.oldKey(), fate.status() + " " + fate.newKeys());
        }
        assertThat(before).hasSize(295);
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(mapping.insertedArticles()).hasSize(6);
        assertThat(millis).as("milliseconds to match %d against %d articles", before.size(), after.size()).isLessThan(1_000.0);
    }

    /**
     * Five copies of the real regulation; copies 1-4 pass through a bijective substitution of CJK
     * characters so they keep realistic lengths and repetition without being near-duplicates.
     */
    private static List<ArticleText> largeDraft() {
        List<ArticleText> out = new ArrayList<>();
        for (int copy = 0; copy < 5; copy++) {
            for (ArticleText article : RegulationText.binzhou()) {
                int c = copy;
                List<String> paragraphs = article.paragraphs().stream().map(p -> cipher(p, c)).toList();
                out.add(new ArticleText("old-" + (out.size() + 1), out.size() + 1, "第" + copy + "编 " + article.chapterTitle(), paragraphs));
            }
        }
        return out;
    }

    private static String cipher(String text, int copy) {
        if (copy == 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp >= 0x4E00 && cp < 0x4E00 + 0x5200) {
                out.appendCodePoint(0x4E00 + (int) (((long) (cp - 0x4E00) * (2 * copy + 1) + 977L * copy) % 0x5200));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static List<ArticleText> revise(List<ArticleText> before, Random random, Map<String, String> expected) {
        List<ArticleText> working = new ArrayList<>(before);
        List<String> origin = new ArrayList<>(before.stream().map(ArticleText::key).toList());
        for (ArticleText article : before) {
            expected.put(article.key(), null);
        }
        for (int i = 0; i < 6; i++) {
            int victim = random.nextInt(working.size());
            expected.put(origin.get(victim), "DELETED []");
            working.remove(victim);
            origin.remove(victim);
        }
        for (int i = 0; i < 30; i++) {
            int edited = random.nextInt(working.size());
            ArticleText article = working.get(edited);
            List<String> paragraphs = new ArrayList<>(article.paragraphs());
            paragraphs.set(0, paragraphs.get(0) + "有关部门应当予以配合，并报县级人民政府备案。");
            working.set(edited, new ArticleText(article.key(), article.number(), article.chapterTitle(), paragraphs));
        }
        for (int i = 0; i < 3; i++) {
            int from = random.nextInt(working.size());
            int to = random.nextInt(working.size());
            ArticleText moving = working.remove(from);
            String movingOrigin = origin.remove(from);
            working.add(to, moving);
            origin.add(to, movingOrigin);
        }
        for (int i = 0; i < 6; i++) {
            int at = random.nextInt(working.size());
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < 80; c++) {
                text.append((char) (0x4E00 + random.nextInt(0x5200)));
            }
            working.add(at, new ArticleText("inserted", 0, working.get(at).chapterTitle(), List.of(text.toString())));
            origin.add(at, null);
        }
        List<ArticleText> after = new ArrayList<>();
        for (int i = 0; i < working.size(); i++) {
            ArticleText article = working.get(i);
            String key = "new-" + Integer.toHexString((i * 7919 + 13) % 65536) + "-" + i;
            after.add(new ArticleText(key, i + 1, article.chapterTitle(), article.paragraphs()));
            if (origin.get(i) != null) {
                expected.put(origin.get(i), "MATCHED [" + key + "]");
            }
        }
        return after;
    }
}
