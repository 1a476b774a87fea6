package org.kaimen.drafts.internal.parsing;

/**
 * Irregularities found while parsing. None of them stops the parse: they are warnings for the
 * person importing a draft, who decides whether the text needs fixing first.
 */
public enum AnomalyType {
    /** An article number jumps forward, e.g. 第五条 follows 第三条. */
    SKIPPED_ARTICLE_NUMBER,
    /** An article repeats the number of the article before it. */
    REPEATED_ARTICLE_NUMBER,
    /** A 编 number jumps forward. */
    SKIPPED_PART_NUMBER,
    /** A 编 repeats the previous number. */
    REPEATED_PART_NUMBER,
    /** A 章 number jumps forward. */
    SKIPPED_CHAPTER_NUMBER,
    /** A 章 repeats the previous number. */
    REPEATED_CHAPTER_NUMBER,
    /** A 节 number jumps forward. */
    SKIPPED_SECTION_NUMBER,
    /** A 节 repeats the previous number. */
    REPEATED_SECTION_NUMBER,
    /** An article or heading number goes backwards. */
    NUMBER_OUT_OF_ORDER,
    /** A numeral that looks like one but cannot be read, e.g. 第十十条; the expected number is used. */
    INVALID_NUMERAL,
    /** A 节 outside any 章, or similar nesting that the hierarchy does not allow. */
    STRUCTURE_OUT_OF_ORDER,
    /** A line that belongs to no article (e.g. between a chapter heading and its first article). */
    ORPHAN_TEXT,
    /** An item or sub-item label that does not follow its predecessor, e.g. （三） after （一）. */
    ITEM_OUT_OF_ORDER,
    /** An article without any text or items. */
    EMPTY_ARTICLE,
    /** A table of contents (目录) was recognised and skipped so its headings are not counted twice. */
    TABLE_OF_CONTENTS,
    /** An inserted article (第十条之一) which the numbering model cannot represent; kept as text. */
    INSERTED_ARTICLE,
    /** The parser hit an internal error; the result is incomplete. Should never happen. */
    PARSER_FAILURE
}
