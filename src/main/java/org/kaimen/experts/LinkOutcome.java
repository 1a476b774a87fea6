package org.kaimen.experts;

/** What happened to an invitation link: done, or why it was refused. */
public enum LinkOutcome { DONE, USED, EXPIRED, INVALID }
