package org.kaimen.hearings;

import java.time.OffsetDateTime;

/**
 * One statutory step before a hearing, with its latest lawful moment and when it was done. {@code article} cites the
 * rule (山东省人大常委会制定地方性法规听证规定).
 */
public record TimelineStep(Step step, int daysBefore, String article, OffsetDateTime deadline, OffsetDateTime doneAt,
                           Status status) {

    public enum Step { NOTICE, SPEAKERS_FIXED, SPEAKERS_NOTIFIED, OBSERVERS_NOTIFIED }

    /** DONE in time; LATE done after the deadline; OVERDUE not done and past it; DUE_SOON within 2 days; OPEN. */
    public enum Status { DONE, LATE, OVERDUE, DUE_SOON, OPEN;

        public boolean warning() {
            return this == LATE || this == OVERDUE || this == DUE_SOON;
        }
    }
}
