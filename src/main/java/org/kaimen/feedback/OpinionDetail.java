package org.kaimen.feedback;

import java.util.List;
import java.util.Map;

/** An opinion with its members, their counts by channel and stance, and its record. */
public record OpinionDetail(Opinion opinion, List<OpinionMember> members, Map<String, Long> byChannel,
                            Map<String, Long> byStance, List<OpinionEvent> history) {
}
