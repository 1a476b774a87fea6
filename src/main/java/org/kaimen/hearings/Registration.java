package org.kaimen.hearings;

import java.util.Map;

/**
 * A registration as staff see it. {@code side} is the speaker's overall side for the lottery: the side of most of
 * their stances on the matters, OTHER on a tie.
 */
public record Registration(long id, int number, Participation role, String name, String email, String sector,
                           String district, String expertise, String keyPoints, boolean invited, Outcome outcome,
                           Integer waitingRank, Integer speakingOrder, Map<Long, Side> stances, Side side,
                           String locale) {
}
