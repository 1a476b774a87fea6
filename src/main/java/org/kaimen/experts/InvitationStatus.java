package org.kaimen.experts;

/**
 * PROPOSED (drawn, the clerk may still adjust) → INVITED (mailed) → ACCEPTED, DECLINED, CONFLICT (declared on
 * accepting) or EXPIRED (no answer by the deadline); REMOVED by the clerk before sending.
 */
public enum InvitationStatus {
    PROPOSED, INVITED, ACCEPTED, DECLINED, CONFLICT, EXPIRED, REMOVED;

    /** Whether the expert is out of this consultation, so somebody else should be drawn. */
    public boolean needsReplacement() {
        return this == DECLINED || this == CONFLICT || this == EXPIRED;
    }
}
