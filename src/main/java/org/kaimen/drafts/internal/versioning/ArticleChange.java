package org.kaimen.drafts.internal.versioning;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the redline between two versions.
 *
 * @param types         every change that applies; never empty
 * @param oldKey        the old article, null for INSERTED; for MERGED the first source
 * @param oldNumber     its number in the old version, null for INSERTED
 * @param newKey        the new article, null for DELETED; for SPLIT the part this row shows
 * @param newNumber     its number in the new version, null for DELETED
 * @param ops           character diff from the old text (for SPLIT: the old paragraphs that went
 *                      into this part; for MERGED: all sources in old order) to the new text
 * @param mergedOldKeys for MERGED every source in old order (starting with oldKey), else empty
 */
public record ArticleChange(
        Set<ChangeType> types,
        String oldKey,
        Integer oldNumber,
        String newKey,
        Integer newNumber,
        List<DiffOp> ops,
        List<String> mergedOldKeys) {

    public ArticleChange {
        Objects.requireNonNull(types, "types");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("types must not be empty");
        }
        types = Collections.unmodifiableSet(EnumSet.copyOf(types));
        ops = List.copyOf(ops);
        mergedOldKeys = List.copyOf(mergedOldKeys);
    }

    /** The most significant change, for a one-word label. */
    public ChangeType type() {
        return types.iterator().next();
    }

    public boolean is(ChangeType type) {
        return types.contains(type);
    }
}
