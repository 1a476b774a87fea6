package org.kaimen.hearings;

import java.util.List;

/**
 * The clerk told the speakers (with the draft, its explanation and a calendar invitation, 第十四条) or the observers
 * (第十六条) how the lottery went. One mail per registration and role, even on replay.
 */
public record ParticipantsNotified(long hearingId, Participation role, List<Recipient> recipients) {

    public record Recipient(long registrationId, int number, String name, String email, String locale,
                            Outcome outcome, Integer rank) {
    }
}
