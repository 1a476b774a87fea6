package org.kaimen.experts;

/**
 * One expert's year: invitations, acceptances, opinions, unexcused absences from 论证会 and written opinions not
 * delivered. {@code dismissalWarning}: more than two of either (惠州 立法咨询专家工作规定第6条); {@code termEnding}:
 * the term ends within 90 days.
 */
public record YearRecord(long expertId, String name, int year, int invitations, int acceptances, int opinions,
                         int unexcusedAbsences, int missedOpinions, boolean dismissalWarning, boolean termEnding) {
}
