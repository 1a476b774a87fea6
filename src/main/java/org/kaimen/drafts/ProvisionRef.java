package org.kaimen.drafts;

/**
 * Where a provision of an earlier version stands in a later one. {@code exact} is false when the provision itself
 * was deleted and the reference fell back to its parent (or to the draft as a whole, with {@code provision} null).
 */
public record ProvisionRef(long originalId, int originalVersion, Provision provision, int version, boolean exact) {
}
