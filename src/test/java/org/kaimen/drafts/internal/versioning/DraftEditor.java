package org.kaimen.drafts.internal.versioning;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Test-only: derives the next version of a draft from the previous one the way drafters do, and
 * remembers where every new article came from so tests can state the expected mapping.
 */
final class DraftEditor {

    /** A working article of the next version. */
    static final class Draft {
        String chapter;
        List<String> paragraphs;
        final List<String> origins;
        final String label;
        String key;

        Draft(String chapter, List<String> paragraphs, List<String> origins, String label) {
            this.chapter = chapter;
            this.paragraphs = new ArrayList<>(paragraphs);
            this.origins = new ArrayList<>(origins);
            this.label = label;
        }
    }

    private final List<Draft> drafts = new ArrayList<>();
    private final String keyPrefix;

    DraftEditor(List<ArticleText> previous, String keyPrefix) {
        this.keyPrefix = keyPrefix;
        for (ArticleText article : previous) {
            drafts.add(new Draft(article.chapterTitle(), article.paragraphs(), List.of(article.key()), article.key()));
        }
    }

    DraftEditor replaceEverywhere(String from, String to) {
        for (Draft draft : drafts) {
            draft.paragraphs.replaceAll(p -> p.replace(from, to));
        }
        return this;
    }

    DraftEditor edit(String label, UnaryOperator<List<String>> change) {
        Draft draft = only(label);
        draft.paragraphs = new ArrayList<>(change.apply(new ArrayList<>(draft.paragraphs)));
        return this;
    }

    DraftEditor insertAfter(String anchorLabel, String label, String... paragraphs) {
        Draft anchor = only(anchorLabel);
        drafts.add(drafts.indexOf(anchor) + 1, new Draft(anchor.chapter, List.of(paragraphs), List.of(), label));
        return this;
    }

    DraftEditor delete(String oldKey) {
        drafts.remove(only(oldKey));
        return this;
    }

    /** Moves an article behind the last article of the chapter with the given title. */
    DraftEditor moveToEndOf(String oldKey, String chapterTitle) {
        Draft moving = only(oldKey);
        drafts.remove(moving);
        int last = -1;
        for (int i = 0; i < drafts.size(); i++) {
            if (chapterTitle.equals(drafts.get(i).chapter)) {
                last = i;
            }
        }
        if (last < 0) {
            throw new IllegalArgumentException("no chapter " + chapterTitle);
        }
        moving.chapter = chapterTitle;
        drafts.add(last + 1, moving);
        return this;
    }

    /** Paragraphs from {@code atParagraph} on become a new article right after the original. */
    DraftEditor split(String oldKey, int atParagraph) {
        Draft original = only(oldKey);
        List<String> tail = new ArrayList<>(original.paragraphs.subList(atParagraph, original.paragraphs.size()));
        original.paragraphs = new ArrayList<>(original.paragraphs.subList(0, atParagraph));
        drafts.add(drafts.indexOf(original) + 1, new Draft(original.chapter, tail, List.of(oldKey), oldKey + "/2"));
        return this;
    }

    /** The second article's paragraphs are appended to the first; the second disappears. */
    DraftEditor merge(String firstKey, String secondKey) {
        Draft first = only(firstKey);
        Draft second = only(secondKey);
        first.paragraphs.addAll(second.paragraphs);
        first.origins.addAll(second.origins);
        drafts.remove(second);
        return this;
    }

    /** Numbers articles 1..n and gives them keys that say nothing about their origin. */
    List<ArticleText> build() {
        List<ArticleText> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            draft.key = keyPrefix + UUID.nameUUIDFromBytes((keyPrefix + i + draft.paragraphs).getBytes(StandardCharsets.UTF_8))
                    .toString().substring(0, 8);
            out.add(new ArticleText(draft.key, i + 1, draft.chapter, draft.paragraphs));
        }
        return out;
    }

    /** New keys whose article descends from {@code oldKey}, in new order (call after build). */
    List<String> newKeysOf(String oldKey) {
        List<String> keys = new ArrayList<>();
        for (Draft draft : drafts) {
            if (draft.origins.contains(oldKey)) {
                keys.add(draft.key);
            }
        }
        return keys;
    }

    String newKeyOfLabel(String label) {
        for (Draft draft : drafts) {
            if (draft.label.equals(label)) {
                return draft.key;
            }
        }
        throw new IllegalArgumentException("no draft labelled " + label);
    }

    Map<String, List<String>> originsByNewKey() {
        Map<String, List<String>> origins = new LinkedHashMap<>();
        for (Draft draft : drafts) {
            origins.put(draft.key, List.copyOf(draft.origins));
        }
        return origins;
    }

    /** Originals are labelled with their old key, split tails with key + "/2", insertions freely. */
    private Draft only(String label) {
        for (Draft draft : drafts) {
            if (draft.label.equals(label)) {
                return draft;
            }
        }
        throw new IllegalArgumentException("no draft labelled " + label);
    }
}
