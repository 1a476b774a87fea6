package org.kaimen.hearings;

/** 听证人: an odd number of at least three, one of whom presides (第十七条). */
public record Hearer(String name, String affiliation, boolean presiding) {
}
