package org.kaimen.drafts.internal.versioning;

/**
 * What happened to an article between two versions. Several apply at once (an article can be
 * renumbered, moved and modified), so {@link ArticleChange} carries a set; the declaration order
 * is the precedence used by {@link ArticleChange#type()} for a single label.
 */
public enum ChangeType {
    INSERTED,
    DELETED,
    SPLIT,
    MERGED,
    MOVED,
    MODIFIED,
    RENUMBERED,
    /** Only ever alone: same text, same number, same place. */
    UNCHANGED
}
