package org.kaimen.analysis;

/** A draft's topic clusters changed (recomputed, merged, split); the index gets the new cluster ids. */
public record TopicsChanged(long draftId) {
}
