package org.kaimen.comments;

/**
 * How a comment reached the congress. Only ONLINE comes from citizens themselves; staff enter the others on the
 * citizen's behalf (paper at a 基层立法联系点, letters, e-mails), and hearings and experts add theirs.
 */
public enum Channel {
    ONLINE, LIAISON_STATION, LETTER, EMAIL, HEARING, EXPERT;

    public boolean isOffline() {
        return this != ONLINE;
    }
}
