package org.kaimen.experts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.experts.ConsultationKind;
import org.kaimen.experts.ConsultationService;
import org.kaimen.experts.Expert;
import org.kaimen.experts.ExpertForm;
import org.kaimen.experts.ExpertService;
import org.kaimen.experts.Field;
import org.kaimen.experts.Invitation;
import org.kaimen.experts.InvitationStatus;
import org.kaimen.experts.NewConsultation;
import org.kaimen.experts.Sector;
import org.kaimen.experts.internal.InvitationLinks;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The clerk draws and sends in the consultation screen; the expert writes opinions in the portal. */
class ExpertViewsIT extends KaribuSupport {

    @Autowired
    TestAccounts accounts;
    @Autowired
    ExpertService experts;
    @Autowired
    ConsultationService consultations;
    @Autowired
    DraftService drafts;
    @Autowired
    InvitationLinks links;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClerkDrawsAndSendsOnScreenAndTheExpertsOpinionReachesTheDeskFromThePortal() {
        String clerk = accounts.create(Role.DRAFTER);
        String field = "v-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "portal-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long draftId = SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            experts.saveField(new Field(field, "界面" + field, "UI " + field, 97, true));
            long expert = experts.create(new ExpertForm("界面专家", "研究员", "某研究院", Sector.ACADEMIA, null, email,
                    null, "zh-CN", null, null, false, List.of(field), List.of()));
            jdbc.sql("UPDATE expert SET status = 'APPOINTED', term_start = current_date,"
                    + " term_end = current_date + 100 WHERE id = ?").param(expert).update();
            return drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "界面测试", true).id();
        });
        Provision a12 = Provision.find(drafts.tree(draftId, 0), "a12");
        long consultation = SignedIn.as(clerk, "ROLE_DRAFTER", () -> consultations.create(new NewConsultation(
                draftId, ConsultationKind.WRITTEN, "界面书面咨询", List.of(a12.id()), List.of(field), List.of(), 1,
                Duration.ofDays(3), OffsetDateTime.now().plusDays(7), null, 7L)));

        signIn(clerk, Role.DRAFTER);
        UI.getCurrent().navigate(ConsultationsView.class);
        ConsultationsView view = _get(ConsultationsView.class);
        view.show(consultations.get(consultation));
        _click(_get(Button.class, spec -> spec.withId("consultation-draw")));
        _click(_get(Button.class, spec -> spec.withId("consultation-send")));
        @SuppressWarnings("unchecked")
        Grid<Invitation> grid = _get(Grid.class, spec -> spec.withId("invitations"));
        Invitation invited = grid.getListDataView().getItems().findFirst().orElseThrow();
        assertThat(invited.expertName()).isEqualTo("界面专家");
        assertThat(invited.status()).isEqualTo(InvitationStatus.INVITED);

        consultations.accept(links.token(invited.id(), InvitationLinks.Action.ACCEPT,
                invited.expiresAt().toInstant()), false, null);
        String login = jdbc.sql("SELECT username FROM account WHERE lower(email) = lower(?)").param(email)
                .query(String.class).single();
        signIn(login, Role.EXPERT);
        UI.getCurrent().navigate(ExpertPortalView.class);
        List<TextArea> areas = _find(TextArea.class);
        assertThat(_get(ExpertPortalView.class).getElement().getTextRecursively()).contains("界面书面咨询");
        _setValue(areas.get(0), "第十二条应当明确筹备组组成。");
        _click(_get(Button.class, spec -> spec.withId("opinion-submit-" + invited.id())));

        assertThat(jdbc.sql("SELECT channel || '/' || provision_id || '/' || text FROM comment WHERE draft_id = ?")
                .param(draftId).query(String.class).list())
                .containsExactly("EXPERT/" + a12.id() + "/第十二条应当明确筹备组组成。");
        assertThat(SignedIn.as(login, "ROLE_EXPERT", () -> consultations.myConsultations()).get(0).opinions())
                .hasSize(1);
    }

    @Test
    void anyoneSeesTheCandidatesOnPublicNoticeWithoutTheirContactDetails() {
        String clerk = accounts.create(Role.DRAFTER);
        String email = "notice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String name = "公示" + UUID.randomUUID().toString().substring(0, 4);
        SignedIn.as(clerk, "ROLE_DRAFTER", () -> experts.startNotice(experts.create(new ExpertForm(name, "教授",
                "某大学", Sector.ACADEMIA, null, email, "13800000000", "zh-CN", null, null, false, List.of("law"),
                List.of()))));
        UI.getCurrent().navigate(CandidateNoticeView.class);
        String page = _get(CandidateNoticeView.class).getElement().getTextRecursively();
        @SuppressWarnings("unchecked")
        Grid<org.kaimen.experts.NoticedCandidate> grid = _get(Grid.class, spec -> spec.withId("candidates"));
        assertThat(grid.getListDataView().getItems().map(org.kaimen.experts.NoticedCandidate::name).toList())
                .contains(name);
        assertThat(page).doesNotContain(email);
    }

    @Test
    void theRegistryScreenListsAndFiltersExperts() {
        String clerk = accounts.create(Role.DRAFTER);
        String name = "筛选" + UUID.randomUUID().toString().substring(0, 4);
        SignedIn.as(clerk, "ROLE_DRAFTER", () -> experts.create(new ExpertForm(name, null, "某单位", Sector.INDUSTRY,
                null, UUID.randomUUID().toString().substring(0, 8) + "@example.org", null, "zh-CN", null, null,
                false, List.of("law"), List.of())));
        signIn(clerk, Role.DRAFTER);
        UI.getCurrent().navigate(ExpertsView.class);
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("expert-search")),
                name);
        @SuppressWarnings("unchecked")
        Grid<Expert> grid = _get(Grid.class, spec -> spec.withId("experts"));
        assertThat(grid.getListDataView().getItems().map(Expert::name).toList()).containsExactly(name);
    }
}
