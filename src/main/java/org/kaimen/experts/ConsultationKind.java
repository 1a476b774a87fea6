package org.kaimen.experts;

/** 论证会 (a meeting, 立法法第39条) or a written consultation. */
public enum ConsultationKind { MEETING, WRITTEN }
