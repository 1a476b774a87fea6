package org.kaimen.hearings.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.testsupport.SignedIn.as;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.hearings.Hearer;
import org.kaimen.hearings.HearingPlan;
import org.kaimen.hearings.HearingService;
import org.kaimen.hearings.Participation;
import org.kaimen.hearings.RegistrationForm;
import org.kaimen.hearings.Side;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.kaimen.testsupport.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The public hearing page (notice, registration, lottery) and the clerk's console, browserless. */
class HearingViewsIT extends KaribuSupport {

    @Autowired
    HearingService hearings;
    @Autowired
    DraftService drafts;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCitizenRegistersOnThePublicPageAndLaterSeesTheSeedAndTheDrawnNumbers() {
        String clerk = accounts.create(Role.DRAFTER);
        long id = as(clerk, "ROLE_DRAFTER", () -> {
            long draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "听证页面测试", true)
                    .id();
            long h = hearings.create(new HearingPlan(draftId, "听证页面测试听证会", "市人大常委会会议室", null,
                    OffsetDateTime.now(clock).plusDays(30), null, 2, 5, 8,
                    List.of(new HearingPlan.MatterPlan("物业费", List.of("a12"))),
                    List.of(new Hearer("甲", null, true), new Hearer("乙", null, false), new Hearer("丙", null, false))));
            hearings.announce(h);
            return h;
        });
        SecurityContextHolder.clearContext();

        UI.getCurrent().navigate("hearings/" + id);
        assertThat(_get(H1.class, spec -> spec.withId("hearing-title")).getText()).isEqualTo("听证页面测试听证会");
        assertThat(_get(Section.class, spec -> spec.withId("hearing-notice")).getElement().getTextRecursively())
                .contains("第十二条").contains("市人大常委会会议室");
        _setValue(_get(TextField.class, spec -> spec.withId("register-name")), "王业主");
        _setValue(_get(EmailField.class, spec -> spec.withId("register-email")), "wang." + id + "@example.org");
        _setValue(_get(TextField.class, spec -> spec.withId("register-sector")), "业主");
        _setValue(_get(TextField.class, spec -> spec.withId("register-district")), "滨城区");
        _setValue(_get(TextArea.class, spec -> spec.withId("register-key-points")), "物业费调整应当公开成本。");
        _setValue((RadioButtonGroup<Side>) _get(RadioButtonGroup.class, spec -> spec.withId("register-stance-1")),
                Side.AGAINST);
        _click(_get(Button.class, spec -> spec.withId("register-submit")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("register-result")).getText()).contains("报名编号是 1");

        hearings.register(id, new RegistrationForm(Participation.SPEAKER, "李律师", "li." + id + "@example.org", "律师",
                "沾化区", null, "赞成草案。", Map.of(hearings.get(id).matters().get(0).id(), Side.FOR), "zh-CN"));
        String seed = as(clerk, "ROLE_DRAFTER", () -> {
            String s = hearings.announceSeed(id, "2026-12-01 福彩3D 123");
            hearings.draw(id);
            return s;
        });
        SecurityContextHolder.clearContext();
        UI.getCurrent().navigate("hearings/" + id);
        assertThat(_get(Paragraph.class, spec -> spec.withId("lottery-seed")).getText()).contains(seed);
        String lottery = _get(Section.class, spec -> spec.withId("hearing-lottery")).getElement()
                .getTextRecursively();
        assertThat(lottery).contains("#1").contains("#2").contains("SHA-256").doesNotContain("王业主");
        assertThat(_get(Paragraph.class, spec -> spec.withId("lottery-selected")).getText()).contains("#1")
                .contains("#2");

        // The clerk's console shows the timeline and the registrations, names included.
        as(clerk, "ROLE_DRAFTER");
        clock.advance(Duration.ofDays(25));
        UI.getCurrent().navigate("staff/hearings/" + id);
        assertThat(_get(Paragraph.class, spec -> spec.withId("timeline-speakers_notified")).getClassNames())
                .contains("kaimen-hearing-warning");
        assertThat(_get(Paragraph.class, spec -> spec.withId("timeline-notice")).getText()).contains("按时完成");
    }
}
