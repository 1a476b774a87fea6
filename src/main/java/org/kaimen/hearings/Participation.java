package org.kaimen.hearings;

/** 陈述人 speak; 旁听人 observe (山东听证规定第三条、第十六条). */
public enum Participation { SPEAKER, OBSERVER }
