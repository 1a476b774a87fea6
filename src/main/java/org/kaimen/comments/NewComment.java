package org.kaimen.comments;

/**
 * A comment as submitted.
 *
 * @param provisionId   null for the draft as a whole
 * @param quoteStart    with quoteEnd, the selected span inside the provision's text (character offsets), or null
 * @param channel       null means ONLINE; other channels only for staff
 * @param station       the 基层立法联系点 for LIAISON_STATION
 * @param idempotencyKey repeated submits with the same key return the first comment
 * @param clientAddress the caller's address, for rate limits
 * @param challenge     the solved proof-of-work, for anonymous comments
 * @param parentId      the comment this one replies to (one level of threads)
 * @param privacyConsent the author agreed to the personal-information notice with this submission
 */
public record NewComment(long draftId, Long provisionId, Stance stance, String text, String proposedText,
                         Integer quoteStart, Integer quoteEnd, Channel channel, String station, Author author,
                         boolean namePublic, String idempotencyKey, String clientAddress, String challenge,
                         Long parentId, boolean privacyConsent) {

    /** Optional contact data; never shown publicly. */
    public record Author(String name, String email, String phone, String address) {

        public Author(String name, String email, String phone) {
            this(name, email, phone, null);
        }
    }

    public static NewComment online(long draftId, Long provisionId, Stance stance, String text) {
        return new NewComment(draftId, provisionId, stance, text, null, null, null, null, null, null, false, null,
                null, null, null, true);
    }
}
