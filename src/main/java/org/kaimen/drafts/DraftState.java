package org.kaimen.drafts;

/**
 * Where a draft stands, derived from its period and the clock: DRAFT (not yet open, not public), OPEN (comments
 * accepted), CLOSED (period over, feedback being prepared), ADOPTED (the regulation was passed).
 */
public enum DraftState {
    DRAFT, OPEN, CLOSED, ADOPTED;

    public boolean isPublic() {
        return this != DRAFT;
    }
}
