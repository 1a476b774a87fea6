package org.kaimen.feedback;

/** How the drafting group handled an opinion (采纳情况). */
public enum Disposition {
    ADOPTED, PARTLY_ADOPTED, NOT_ADOPTED, ALREADY_REFLECTED, OUT_OF_SCOPE
}
