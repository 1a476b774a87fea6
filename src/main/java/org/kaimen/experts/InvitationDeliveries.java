package org.kaimen.experts;

import java.util.Optional;

/**
 * Implemented by notifications, so the consultation screen shows whether each invitation mail went out (or why
 * not) without this module depending on the outbox.
 */
public interface InvitationDeliveries {

    /** The delivery of the invitation mail: SENT, QUEUED, FAILED… with the last error, if any mail was queued. */
    record Delivery(String status, int attempts, String lastError) {
    }

    Optional<Delivery> invitation(long invitationId);
}
