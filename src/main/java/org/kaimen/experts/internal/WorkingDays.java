package org.kaimen.experts.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days for the public notice of candidates (公示7个工作日). Monday to Friday only: public holidays and the
 * weekend days worked in exchange (调休) are not modelled, so a notice over a holiday ends early by those days.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The day on which {@code days} full working days after {@code start} have passed (start itself not counted). */
    public static LocalDate after(LocalDate start, int days) {
        LocalDate d = start;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
