package org.kaimen.feedback;

/** new → in review → disposition proposed → approved by a second clerk (who may return it to review). */
public enum OpinionState {
    NEW, IN_REVIEW, PROPOSED, APPROVED
}
