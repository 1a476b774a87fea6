package org.kaimen.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.hearings.HearingService;
import org.kaimen.testsupport.Mails;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestHearings;
import org.kaimen.testsupport.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Someone on a phone registers to speak at a hearing, the lottery runs, and they are told they were selected. */
class HearingBrowserIT extends BrowserTest {

    @Autowired
    HearingService hearings;
    @Autowired
    Clock clock;

    @Test
    void aRegistrantSignsUpOnAPhoneIsDrawnAndIsToldByMail() {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = openConsultation("物业条例听证");
        long hearingId = SignedIn.as(clerk, "ROLE_DRAFTER",
                () -> TestHearings.announced(hearings, draftId, "物业条例立法听证会", clock));
        String email = "speaker-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        browser.phone().open("hearings/" + hearingId);
        browser.type("#register-name", "孙女士")
                .type("#register-email", email)
                .type("#register-sector", "业主")
                .type("#register-district", "滨城区")
                .type("#register-expertise", "业主委员会工作")
                .clickText("#register-stance-1 vaadin-radio-button", "反对")
                .type("#register-key-points", "调价应当经业主大会表决。");
        browser.screenshot("phone-hearing-registration");
        browser.click("#register-submit");
        assertThat(browser.waitForText("#register-result", email)).contains(email);

        SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            hearings.announceSeed(hearingId, null);
            hearings.draw(hearingId);
            hearings.notifySpeakers(hearingId);
            return null;
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(email).stream()
                .anyMatch(m -> Mails.subject(m).contains("您已被确定为陈述人")));
        browser.open("hearings/" + hearingId);
        assertThat(browser.text("#lottery-selected")).isNotBlank();
    }
}
