package org.kaimen.experts;

/** Whether an accepted expert came to the 论证会; ABSENT without excuse counts towards dismissal. */
public enum Attendance { ATTENDED, EXCUSED, ABSENT }
