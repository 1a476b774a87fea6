package org.kaimen.hearings;

/** Where a registration stands after the lottery; observers are admitted in order of registration up to capacity. */
public enum Outcome { PENDING, SELECTED, WAITING, NOT_SELECTED, ADMITTED, WITHDRAWN }
