package org.kaimen.drafts.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.kaimen.drafts.internal.versioning.VersionMapping.ArticleMapping;
import org.kaimen.drafts.internal.versioning.VersionMapping.ParagraphLink;
import org.kaimen.drafts.internal.versioning.VersionMapping.Status;

class ProvisionMatcherProperties {

    private static final List<ArticleText> BINZHOU = RegulationText.binzhou();

    private final ProvisionMatcher matcher = new ProvisionMatcher();

    @Property(tries = 60)
    void articlesShuffledWithinChaptersAllMapToThemselves(@ForAll long seed) {
        Random random = new Random(seed);
        Map<String, String> oldToNew = new HashMap<>();
        List<ArticleText> shuffled = shuffleWithinChapters(BINZHOU, random, Set.of(), false, oldToNew);

        VersionMapping mapping = matcher.match(BINZHOU, shuffled);

        assertThat(mapping.insertedArticles()).isEmpty();
        assertThat(mapping.insertedParagraphs()).isEmpty();
        for (ArticleText old : BINZHOU) {
            ArticleMapping fate = mapping.article(old.key()).orElseThrow();
            ArticleText successor = shuffled.stream().filter(a -> a.key().equals(fate.newKeys().get(0))).findFirst().orElseThrow();
            assertThat(fate.status()).isEqualTo(Status.MATCHED);
            assertThat(fate.newKeys()).containsExactly(oldToNew.get(old.key()));
            assertThat(fate.similarity()).isEqualTo(1.0);
            assertThat(fate.chapterChanged()).isFalse();
            assertThat(fate.renumbered()).isEqualTo(successor.number() != old.number());
            assertThat(fate.paragraphs()).extracting(ParagraphLink::newIndex)
                    .containsExactlyElementsOf(indices(old.paragraphs().size()));
        }
    }

    /** Harder: the global 物业服务企业 → 物业服务人 edit removes most exact anchors. */
    @Property(tries = 40)
    void survivorsOfDeletionsShufflingAndATermChangeMapToThemselves(@ForAll long seed, @ForAll boolean replaceTerm) {
        Random random = new Random(seed);
        Set<String> deleted = new HashSet<>();
        for (ArticleText article : BINZHOU) {
            if (random.nextInt(10) == 0) {
                deleted.add(article.key());
            }
        }
        Map<String, String> oldToNew = new HashMap<>();
        List<ArticleText> revised = shuffleWithinChapters(BINZHOU, random, deleted, replaceTerm, oldToNew);

        VersionMapping mapping = matcher.match(BINZHOU, revised);

        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (ArticleText old : BINZHOU) {
            ArticleMapping fate = mapping.article(old.key()).orElseThrow();
            expected.put(old.key(), deleted.contains(old.key()) ? "DELETED []" : "MATCHED [" + oldToNew.get(old.key()) + "]");
            actual.put(old.key(), fate.status() + " " + fate.newKeys());
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(mapping.insertedArticles()).isEmpty();
    }

    private static List<ArticleText> shuffleWithinChapters(List<ArticleText> articles, Random random, Set<String> deleted,
                                                           boolean replaceTerm, Map<String, String> oldToNew) {
        Map<String, List<ArticleText>> chapters = new LinkedHashMap<>();
        for (ArticleText article : articles) {
            if (!deleted.contains(article.key())) {
                chapters.computeIfAbsent(article.chapterTitle(), k -> new ArrayList<>()).add(article);
            }
        }
        List<ArticleText> out = new ArrayList<>();
        for (List<ArticleText> chapter : chapters.values()) {
            Collections.shuffle(chapter, random);
            for (ArticleText article : chapter) {
                String key = "n-" + UUID.nameUUIDFromBytes((article.key() + random.nextLong()).getBytes(StandardCharsets.UTF_8));
                List<String> paragraphs = replaceTerm
                        ? article.paragraphs().stream().map(p -> p.replace("物业服务企业", "物业服务人")).toList()
                        : article.paragraphs();
                oldToNew.put(article.key(), key);
                out.add(new ArticleText(key, out.size() + 1, article.chapterTitle(), paragraphs));
            }
        }
        return out;
    }

    private static List<Integer> indices(int size) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(i);
        }
        return out;
    }

    /**
     * Small random versions over a tiny alphabet: lots of accidental similarity, duplicates and
     * empty paragraphs. Whatever the matcher decides, the mapping must be internally consistent.
     */
    @Property(tries = 300)
    void mappingAndRedlineAreAlwaysConsistent(@ForAll long seed) {
        Random random = new Random(seed);
        List<ArticleText> before = new ArrayList<>();
        int oldCount = random.nextInt(12);
        for (int i = 0; i < oldCount; i++) {
            before.add(new ArticleText("o" + i, i + 1, "第" + (1 + random.nextInt(2)) + "章", randomParagraphs(random)));
        }
        List<ArticleText> after = new ArrayList<>();
        int newCount = random.nextInt(12);
        for (int i = 0; i < newCount; i++) {
            List<String> paragraphs;
            if (!before.isEmpty() && random.nextBoolean()) {
                ArticleText source = before.get(random.nextInt(before.size()));
                paragraphs = new ArrayList<>(source.paragraphs());
                if (!paragraphs.isEmpty() && random.nextBoolean()) {
                    paragraphs.set(random.nextInt(paragraphs.size()), randomText(random));
                }
                if (random.nextBoolean()) {
                    paragraphs.addAll(randomParagraphs(random));
                }
            } else {
                paragraphs = randomParagraphs(random);
            }
            after.add(new ArticleText("n" + i, i + 1, "第" + (1 + random.nextInt(2)) + "章", paragraphs));
        }

        VersionMapping mapping = matcher.match(before, after);
        List<ArticleChange> redline = Redline.of(mapping);

        assertThat(mapping.articles()).extracting(ArticleMapping::oldKey)
                .containsExactlyElementsOf(before.stream().map(ArticleText::key).toList());
        Map<String, ArticleText> newByKey = new HashMap<>();
        after.forEach(a -> newByKey.put(a.key(), a));
        int deleted = 0;
        for (int i = 0; i < before.size(); i++) {
            ArticleMapping fate = mapping.articles().get(i);
            switch (fate.status()) {
                case MATCHED, MERGED -> assertThat(fate.newKeys()).hasSize(1);
                case SPLIT -> assertThat(fate.newKeys()).hasSizeGreaterThan(1);
                case DELETED -> {
                    assertThat(fate.newKeys()).isEmpty();
                    deleted++;
                }
            }
            assertThat(fate.similarity()).isBetween(0.0, 1.0);
            assertThat(fate.paragraphs()).hasSize(before.get(i).paragraphs().size());
            for (int p = 0; p < fate.paragraphs().size(); p++) {
                ParagraphLink link = fate.paragraphs().get(p);
                assertThat(link.oldIndex()).isEqualTo(p);
                if (!link.isDeleted()) {
                    assertThat(fate.newKeys()).contains(link.newKey());
                    assertThat(link.newIndex()).isBetween(0, newByKey.get(link.newKey()).paragraphs().size() - 1);
                }
            }
        }
        for (ArticleText article : after) {
            boolean inserted = mapping.insertedArticles().contains(article.key());
            assertThat(inserted).as(article.key()).isEqualTo(mapping.originsOf(article.key()).isEmpty());
        }
        assertThat(redline).hasSize(after.size() + deleted);
        for (ArticleChange change : redline) {
            String newText = change.newKey() == null ? "" : newByKey.get(change.newKey()).text();
            assertThat(DiffAssertions.after(change.ops())).isEqualTo(newText);
        }
    }

    private static List<String> randomParagraphs(Random random) {
        List<String> paragraphs = new ArrayList<>();
        int count = random.nextInt(5);
        for (int p = 0; p < count; p++) {
            paragraphs.add(randomText(random));
        }
        return paragraphs;
    }

    private static String randomText(Random random) {
        String alphabet = "物业服务企业人主大会委员的和、，。（一）";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(30);
        for (int c = 0; c < length; c++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
