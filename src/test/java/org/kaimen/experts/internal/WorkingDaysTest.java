package org.kaimen.experts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void sevenWorkingDaysFromAMondayEndOnTheWednesdayOfTheNextWeek() {
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 2), 7)).isEqualTo(LocalDate.of(2026, 11, 11));
    }

    @Test
    void aNoticeStartedOnAFridaySkipsTwoWeekends() {
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 6), 7)).isEqualTo(LocalDate.of(2026, 11, 17));
    }
}
