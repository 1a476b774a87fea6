package org.kaimen.hearings;

/** A speaker's stance on a matter in dispute: for the draft's provision, against it, or something else. */
public enum Side { FOR, AGAINST, OTHER }
