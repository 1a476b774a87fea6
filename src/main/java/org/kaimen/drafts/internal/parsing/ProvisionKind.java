package org.kaimen.drafts.internal.parsing;

/**
 * Levels of the Chinese legislative hierarchy, from the largest to the smallest unit:
 * 编 (part), 章 (chapter), 节 (section), 条 (article), 款 (paragraph), 项 (item), 目 (sub-item).
 */
public enum ProvisionKind {
    /** 编, written {@code 第一编}. */
    PART,
    /** 章, written {@code 第一章}. */
    CHAPTER,
    /** 节, written {@code 第一节}. */
    SECTION,
    /** 条, written {@code 第一条}; numbered continuously through the whole document. */
    ARTICLE,
    /** 款, an unlabelled paragraph of an article. */
    PARAGRAPH,
    /** 项, written {@code （一）}. */
    ITEM,
    /** 目, written {@code 1.}. */
    SUBITEM;

    /** True for 编, 章 and 节, which carry a title instead of normative text. */
    public boolean isHeading() {
        return this == PART || this == CHAPTER || this == SECTION;
    }
}
