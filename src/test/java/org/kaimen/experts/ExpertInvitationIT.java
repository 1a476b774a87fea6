package org.kaimen.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.notifications.internal.MailOutbox;
import org.kaimen.shared.web.KaimenException;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Mails;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.kaimen.testsupport.TestServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Invitations over real SMTP and IMAP (GreenMail), their links followed over HTTP as a mail reader would. */
@IntegrationTest
class ExpertInvitationIT {

    private static final String DEPARTMENT = "滨州市住房和城乡建设局";

    @Autowired
    TestAccounts accounts;
    @Autowired
    DraftService drafts;
    @Autowired
    ExpertService experts;
    @Autowired
    ConsultationService consultations;
    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    String drafter;
    String field;
    long draftId;
    Provision article;

    @BeforeEach
    void aDraftAndAFieldOfItsOwn() {
        drafter = accounts.create(Role.DRAFTER);
        // A field of its own keeps other tests' experts out of this test's draws.
        field = "t-" + UUID.randomUUID().toString().substring(0, 8);
        as(() -> {
            experts.saveField(new Field(field, "测试领域" + field, "Test " + field, 99, true));
            draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "专家咨询测试", true).id();
            drafts.updateMetadata(draftId, "专家咨询测试", null, DEPARTMENT, false, true);
            return null;
        });
        article = Provision.find(drafts.tree(draftId, 0), "a12");
    }

    @AfterEach
    void mailServerBack() {
        if (!TestServices.greenMail().isRunning()) {
            TestServices.startMailAgain();
        }
    }

    @Test
    void theInvitationReadOverImapHasAnAcceptLinkThatAcceptsSignsInAndCannotBeUsedTwice() throws Exception {
        long expert = appointed("王教授", "滨州学院", Sector.ACADEMIA, List.of());
        String email = experts(() -> experts.get(expert)).email();
        TestServices.greenMail().setUser(email, email, "imap-secret");
        long consultation = consultation(1, Duration.ofDays(3), List.of("物业服务企业协会"));
        as(() -> consultations.draw(consultation));
        as(() -> consultations.send(consultation));

        String body = awaitImap(email, "imap-secret");
        assertThat(body).contains("专家咨询测试").contains("王教授");
        String accept = link(body, "accept");
        Http browser = new Http(port);

        HttpResponse<String> form = browser.get(path(accept));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("王教授").contains("name='conflict'");
        HttpResponse<String> answered = browser.postForm("/expert/invitation/accept",
                "token=" + token(accept) + "&conflict=false&_csrf=" + csrf(form.body()));
        assertThat(answered.statusCode()).isEqualTo(303);
        assertThat(answered.headers().firstValue("Location")).hasValue("/expert/portal");
        assertThat(invitation(consultation).status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(jdbc.sql("SELECT count(*) FROM account a JOIN account_role r ON r.account_id = a.id"
                        + " WHERE lower(a.email) = lower(?) AND r.role = 'EXPERT'")
                .param(email).query(Integer.class).single()).isEqualTo(1);

        Http again = new Http(port);
        HttpResponse<String> reused = again.get(path(accept));
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("data-outcome='used'").contains("此链接已经使用过");
        HttpResponse<String> decline = again.get(path(link(body, "decline")));
        assertThat(decline.statusCode()).as("the decline link dies with the answer").isEqualTo(410);
        HttpResponse<String> forged = again.get("/expert/invitation?token=" + token(accept).replace(".accept.",
                ".decline."));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("data-outcome='invalid'");
    }

    @Test
    void anExpiredLinkIsRefusedClearlyAndTheExpertIsReplaced() throws Exception {
        long first = appointed("李律师", "某律师事务所", Sector.LEGAL_PRACTICE, List.of());
        long second = appointed("赵研究员", "社科院", Sector.ACADEMIA, List.of());
        long consultation = consultation(1, Duration.ofSeconds(2), List.of());
        List<Long> drawn = as(() -> consultations.draw(consultation));
        as(() -> consultations.send(consultation));
        String invitedEmail = experts(() -> experts.get(drawn.get(0))).email();
        String accept = link(Mails.decoded(Mails.awaitOne(invitedEmail)), "accept");

        Thread.sleep(2500);
        HttpResponse<String> late = new Http(port).get(path(accept));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("data-outcome='expired'").contains("此链接已过期");

        consultations.processDue();
        long other = drawn.get(0) == first ? second : first;
        String otherEmail = experts(() -> experts.get(other)).email();
        assertThat(Mails.subject(Mails.awaitOne(otherEmail))).contains("立法咨询邀请");
        List<Invitation> all = as(() -> consultations.invitations(consultation));
        assertThat(all).extracting(Invitation::status)
                .containsExactly(InvitationStatus.EXPIRED, InvitationStatus.INVITED);
        assertThat(all.get(1).source()).isEqualTo("REPLACEMENT");
    }

    @Test
    void anExpertWhoHasNotAnsweredHalfwayToTheDeadlineIsRemindedOnceWithTheSameLinks() throws Exception {
        long expert = appointed("提醒专家", "某大学", Sector.ACADEMIA, List.of());
        long consultation = consultation(1, Duration.ofSeconds(10), List.of());
        as(() -> consultations.draw(consultation));
        as(() -> consultations.send(consultation));
        String email = experts(() -> experts.get(expert)).email();
        String invitation = Mails.decoded(Mails.awaitOne(email));

        consultations.processDue();
        Thread.sleep(5500);
        consultations.processDue();
        consultations.processDue();

        List<jakarta.mail.internet.MimeMessage> mails = await().atMost(Duration.ofSeconds(20))
                .until(() -> Mails.to(email), l -> l.size() >= 2);
        Thread.sleep(500);
        assertThat(Mails.to(email)).hasSize(2);
        assertThat(Mails.subject(mails.get(1))).contains("提醒");
        assertThat(link(Mails.decoded(mails.get(1)), "accept")).isEqualTo(link(invitation, "accept"));
    }

    @Test
    void aDeclineDrawsAndInvitesAReplacementAutomatically() {
        long a = appointed("周工程师", "建筑设计院", Sector.INDUSTRY, List.of());
        long b = appointed("吴教授", "山东大学", Sector.ACADEMIA, List.of());
        long consultation = consultation(1, Duration.ofDays(3), List.of());
        long invited = as(() -> consultations.draw(consultation)).get(0);
        as(() -> consultations.send(consultation));
        String email = experts(() -> experts.get(invited)).email();
        String decline = link(Mails.decoded(Mails.awaitOne(email)), "decline");

        Http browser = new Http(port);
        HttpResponse<String> form = browser.get(path(decline));
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> answered = browser.postForm("/expert/invitation/decline", "token=" + token(decline)
                + "&reason=" + URLEncoder.encode("出差", StandardCharsets.UTF_8) + "&_csrf=" + csrf(form.body()));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("id='answer'");

        long replacement = invited == a ? b : a;
        MimeCheck.assertInvitation(Mails.awaitOne(experts(() -> experts.get(replacement)).email()));
        List<Invitation> all = as(() -> consultations.invitations(consultation));
        assertThat(all).extracting(Invitation::expertId).containsExactly(invited, replacement);
        assertThat(all).extracting(Invitation::status)
                .containsExactly(InvitationStatus.DECLINED, InvitationStatus.INVITED);
        assertThat(all.get(0).answerNote()).isEqualTo("出差");
        assertThat(as(() -> consultations.draws(consultation))).hasSize(2);
        assertThat(as(() -> consultations.recompute(consultation, 2))).containsExactly(replacement);
    }

    @Test
    void aConflictedExpertIsNeverDrawnNorAddedByHand() {
        long department = appointed("钱处长", DEPARTMENT, Sector.GOVERNMENT, List.of());
        long stakeholder = appointed("孙经理", "某物业服务有限公司", Sector.INDUSTRY,
                List.of(new Interest("滨州市物业管理协会", "理事")));
        long committee = appointed("郑委员", "市人大", Sector.GOVERNMENT, List.of());
        jdbc.sql("UPDATE expert SET committee_member = TRUE WHERE id = ?").param(committee).update();
        long clean = appointed("冯教授", "滨州医学院", Sector.ACADEMIA, List.of());
        long consultation = consultation(4, Duration.ofDays(3), List.of("物业管理协会"));

        assertThat(as(() -> consultations.draw(consultation))).containsExactly(clean);
        assertThat(as(() -> consultations.eligible(consultation))).isEmpty();
        assertThatThrownBy(() -> as(() -> {
            consultations.add(consultation, department, "熟悉情况");
            return null;
        })).isInstanceOf(KaimenException.class).hasMessage("experts.error.conflict");
        assertThatThrownBy(() -> as(() -> {
            consultations.add(consultation, stakeholder, "熟悉情况");
            return null;
        })).isInstanceOf(KaimenException.class).hasMessage("experts.error.conflict");
        assertThatThrownBy(() -> as(() -> {
            consultations.add(consultation, committee, "熟悉情况");
            return null;
        })).isInstanceOf(KaimenException.class).hasMessage("experts.error.ineligible");
    }

    @Test
    void withSmtpDownThenUpEachInvitationArrivesExactlyOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(appointed("专家" + i, "单位" + i, Sector.values()[i], List.of()));
        }
        long consultation = consultation(3, Duration.ofDays(3), List.of());
        as(() -> consultations.draw(consultation));
        TestServices.stopMail();
        assertThat(as(() -> consultations.send(consultation))).isEqualTo(3);
        List<Invitation> invited = as(() -> consultations.invitations(consultation));
        await().atMost(Duration.ofSeconds(20)).until(() -> invited.stream().allMatch(i ->
                outbox.findByDedupeKey("expert-invitation:" + i.id())
                        .map(m -> m.attempts() >= 1 && m.lastError() != null).orElse(false)));
        assertThat(as(() -> consultations.send(consultation))).as("sending again sends nothing").isZero();

        TestServices.startMailAgain();
        await().atMost(Duration.ofSeconds(40)).until(() -> invited.stream().allMatch(i ->
                outbox.findByDedupeKey("expert-invitation:" + i.id())
                        .map(m -> m.status() == MailOutbox.Status.SENT).orElse(false)));
        Thread.sleep(1000);
        for (Long id : ids) {
            assertThat(Mails.to(experts(() -> experts.get(id)).email())).hasSize(1);
        }
    }

    @Test
    void anAcceptedExpertsOpinionsEnterTheFeedbackDeskAsExpertCommentsOnce() {
        long expert = appointed("陈教授", "滨州学院法学院", Sector.ACADEMIA, List.of());
        long consultation = consultation(1, Duration.ofDays(3), List.of());
        as(() -> consultations.draw(consultation));
        as(() -> consultations.send(consultation));
        String email = experts(() -> experts.get(expert)).email();
        String accept = link(Mails.decoded(Mails.awaitOne(email)), "accept");
        assertThat(consultations.accept(token(accept), false, null).status()).isEqualTo(InvitationStatus.ACCEPTED);
        String portalLink = link(Mails.decoded(await().atMost(Duration.ofSeconds(20))
                .until(() -> Mails.to(email), l -> l.size() == 2).get(1)), "portal");
        HttpResponse<String> portal = new Http(port).get(path(portalLink));
        assertThat(portal.statusCode()).isEqualTo(303);

        String login = jdbc.sql("SELECT username FROM account WHERE lower(email) = lower(?)").param(email)
                .query(String.class).single();
        long invitation = invitation(consultation).id();
        List<OpinionEntry> opinions = List.of(
                new OpinionEntry(article.id(), Stance.MODIFY, "建议明确业主大会筹备组的组成。", "筹备组由业主代表组成。"),
                new OpinionEntry(null, Stance.SUPPORT, "总体赞成。", null));
        assertThat(SignedIn.as(login, "ROLE_EXPERT", () -> consultations.submitOpinions(invitation, opinions)))
                .isEqualTo(2);
        assertThat(SignedIn.as(login, "ROLE_EXPERT", () -> consultations.submitOpinions(invitation, opinions)))
                .as("a second submission stores nothing twice").isZero();
        SignedIn.as(login, "ROLE_EXPERT", () -> consultations.attach(invitation, "意见.docx",
                "application/octet-stream", new byte[] {1, 2, 3}));
        assertThat(jdbc.sql("SELECT channel || '/' || coalesce(provision_id, 0) FROM comment WHERE draft_id = ?"
                        + " ORDER BY id").param(draftId).query(String.class).list())
                .containsExactly("EXPERT/" + article.id(), "EXPERT/0");
        assertThat(SignedIn.as(login, "ROLE_EXPERT", () -> consultations.myConsultations()).get(0).attachments())
                .containsExactly("意见.docx");
    }

    @Test
    void aCandidateIsAppointedOnlyAfterSevenWorkingDaysOfPublicNotice() {
        long id = experts(() -> experts.create(form("候选人", "某大学", Sector.ACADEMIA, List.of())));
        LocalDate ends = experts(() -> experts.startNotice(id));
        assertThat(ends).isAfterOrEqualTo(LocalDate.now().plusDays(9));
        assertThatThrownBy(() -> as(() -> {
            experts.appoint(id);
            return null;
        })).hasMessage("experts.error.notice-running");
        jdbc.sql("UPDATE expert SET notice_ends_on = current_date - 1 WHERE id = ?").param(id).update();
        as(() -> {
            experts.appoint(id);
            return null;
        });
        Expert appointed = experts(() -> experts.get(id));
        assertThat(appointed.status()).isEqualTo(ExpertStatus.APPOINTED);
        assertThat(appointed.termEnd()).isEqualTo(appointed.termStart().plusYears(5).minusDays(1));
    }

    // --- helpers

    private long appointed(String name, String organisation, Sector sector, List<Interest> interests) {
        long id = experts(() -> experts.create(form(name, organisation, sector, interests)));
        jdbc.sql("UPDATE expert SET status = 'APPOINTED', term_start = current_date - 30,"
                + " term_end = current_date + 1000 WHERE id = ?").param(id).update();
        return id;
    }

    private ExpertForm form(String name, String organisation, Sector sector, List<Interest> interests) {
        String email = "expert-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        return new ExpertForm(name, "教授", organisation, sector, null, email, null, "zh-CN", null, null, false,
                List.of(field), interests);
    }

    private long consultation(int wanted, Duration answerWithin, List<String> stakeholders) {
        return as(() -> consultations.create(new NewConsultation(draftId, ConsultationKind.WRITTEN, "物业条例书面论证",
                List.of(article.id()), List.of(field), stakeholders, wanted, answerWithin,
                OffsetDateTime.now().plusDays(10), null, 42L)));
    }

    private Invitation invitation(long consultation) {
        return as(() -> consultations.invitations(consultation)).get(0);
    }

    private <T> T as(java.util.function.Supplier<T> action) {
        return SignedIn.as(drafter, "ROLE_DRAFTER", action);
    }

    private <T> T experts(java.util.function.Supplier<T> action) {
        return as(action);
    }

    private static String link(String body, String action) {
        Matcher m = Pattern.compile("http\\S*/expert/invitation\\?token=\\d+\\." + action + "\\.\\S+").matcher(body);
        assertThat(m.find()).as("a %s link in:\n%s", action, body).isTrue();
        return m.group();
    }

    private static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String token(String link) {
        return URI.create(link).getRawQuery().substring("token=".length());
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name='_csrf' value='([^']*)'").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Reads the mailbox over IMAP, as the expert's mail program would. */
    private static String awaitImap(String user, String password) throws Exception {
        Properties p = new Properties();
        Session session = Session.getInstance(p);
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", TestServices.imapPort(), user, password);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    Message[] messages = inbox.getMessages();
                    return messages.length == 0 ? null : (String) messages[0].getContent();
                } finally {
                    inbox.close(false);
                }
            }
        }, b -> b != null);
    }

    private static final class MimeCheck {
        static void assertInvitation(jakarta.mail.internet.MimeMessage m) {
            assertThat(Mails.subject(m)).contains("立法咨询邀请");
            assertThat(Mails.decoded(m)).contains("/expert/invitation?token=");
        }
    }
}
