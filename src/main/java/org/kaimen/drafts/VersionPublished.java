package org.kaimen.drafts;

/** A new version of a draft (修改稿 …) was published; comments on earlier versions follow its provision links. */
public record VersionPublished(long draftId, int version) {
}
