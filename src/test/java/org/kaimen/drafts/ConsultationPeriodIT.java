package org.kaimen.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.shared.web.KaimenException;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.test.context.support.WithMockUser;

@IntegrationTest
@WithMockUser(username = "drafter-test", roles = "DRAFTER")
class ConsultationPeriodIT {

    @Autowired
    DraftService drafts;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDraftMovesFromDraftToOpenToClosedToAdoptedWithTheClock() {
        long id = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "期间测试", false).id();
        assertThat(drafts.get(id).state()).isEqualTo(DraftState.DRAFT);
        assertThatThrownBy(() -> drafts.requireOpen(id)).isInstanceOf(KaimenException.class)
                .extracting("messageKey").isEqualTo("drafts.error.not-open-yet");

        OffsetDateTime now = OffsetDateTime.now(clock);
        drafts.schedule(id, now.plusDays(1), now.plusDays(1).plus(drafts.defaultPeriod()));
        assertThat(drafts.get(id).state()).isEqualTo(DraftState.DRAFT);

        clock.advance(Duration.ofDays(2));
        assertThat(drafts.get(id).state()).isEqualTo(DraftState.OPEN);
        assertThat(drafts.get(id).daysLeft()).isEqualTo(29);
        assertThat(drafts.requireOpen(id).id()).isEqualTo(id);

        clock.advance(Duration.ofDays(30));
        assertThat(drafts.get(id).state()).isEqualTo(DraftState.CLOSED);
        assertThatThrownBy(() -> drafts.requireOpen(id)).isInstanceOfSatisfying(KaimenException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.messageKey()).isEqualTo("drafts.error.closed");
        });
        assertThat(drafts.announceClosedConsultations()).isPositive();
        assertThat(drafts.announceClosedConsultations()).as("announced once").isZero();

        drafts.markAdopted(id);
        assertThat(drafts.get(id).state()).isEqualTo(DraftState.ADOPTED);
    }

    @Test
    void theDefaultPeriodIsThirtyDaysAsTheLegislationLawAsks() {
        long id = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "默认期间", true).id();
        DraftSummary d = drafts.get(id);
        assertThat(Duration.between(d.opensAt(), d.closesAt())).isEqualTo(Duration.ofDays(30));
        assertThat(d.daysLeft()).isEqualTo(30);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        long id = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "错误期间", false).id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        assertThatThrownBy(() -> drafts.schedule(id, now, now.minusDays(1))).isInstanceOf(KaimenException.class)
                .extracting("messageKey").isEqualTo("drafts.error.period");
    }

    @Test
    void adoptionWaitsForTheEndOfTheConsultation() {
        long id = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "提前通过", true).id();
        assertThatThrownBy(() -> drafts.markAdopted(id)).isInstanceOf(KaimenException.class)
                .extracting("messageKey").isEqualTo("drafts.error.adopt-before-close");
    }
}
