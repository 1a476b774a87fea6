package org.kaimen.hearings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.kaimen.testsupport.SignedIn.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.feedback.Disposition;
import org.kaimen.feedback.FeedbackService;
import org.kaimen.shared.web.KaimenException;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Mails;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.kaimen.testsupport.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A hearing from notice to report with the real services, database and SMTP: registrations with confirmation mails,
 * the seed announced before the draw and the draw recomputed from what the API publishes, mails with the calendar
 * invitation, the transcript reviewed through the mailed link, corrected, signed off and fed to the feedback desk,
 * the report published and exported, and every speaker told how their views were handled.
 */
@IntegrationTest
class HearingFlowIT {

    @Autowired
    HearingService hearings;
    @Autowired
    DraftService drafts;
    @Autowired
    FeedbackService feedback;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    String clerk;
    String reviewer;
    long draftId;
    String tag;

    @BeforeEach
    void draft() {
        clerk = accounts.create(Role.DRAFTER);
        reviewer = accounts.create(Role.DRAFTER);
        tag = clerk.replaceAll("[^a-z0-9]", "");
        draftId = staff(() -> drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "听证流程测试",
                true).id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aHearingRunsFromNoticeToReportAndEverySpeakerLearnsHowTheirViewsWereHandled() throws Exception {
        long id = staff(() -> hearings.create(plan(OffsetDateTime.now(clock).plusDays(30), 5, 2)));
        staff(() -> {
            hearings.announce(id);
            return null;
        });
        Hearing hearing = hearings.get(id);
        long fees = hearing.matters().get(0).id();
        long committee = hearing.matters().get(1).id();
        assertThat(hearing.matters().get(0).provisionLabels()).containsExactly("第十二条");
        assertThat(staff(() -> hearings.timeline(id))).noneMatch(s -> s.status().warning());

        // Seven speakers: three for, three against, one with another view; each in a sector and district.
        String[][] people = {
                {"FOR", "业主", "滨城区"}, {"FOR", "物业企业", "滨城区"}, {"FOR", "律师", "沾化区"},
                {"AGAINST", "业主", "惠民县"}, {"AGAINST", "社区", "滨城区"}, {"AGAINST", "业主", "阳信县"},
                {"OTHER", "学者", "滨城区"}};
        Map<Integer, String> emailByNumber = new LinkedHashMap<>();
        for (int i = 0; i < people.length; i++) {
            Side side = Side.valueOf(people[i][0]);
            String email = "speaker" + i + "." + tag + "@example.org";
            int number = hearings.register(id, new RegistrationForm(Participation.SPEAKER, "陈述人姓名" + i, email,
                    people[i][1], people[i][2], null, "关于物业费和业主委员会的要点" + i,
                    Map.of(fees, side, committee, side), "zh-CN"));
            emailByNumber.put(number, email);
        }
        List<String> observers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            observers.add("observer" + i + "." + tag + "@example.org");
            hearings.register(id, new RegistrationForm(Participation.OBSERVER, "旁听人" + i, observers.get(i), null,
                    null, null, null, Map.of(), "zh-CN"));
        }
        MimeMessage confirmation = Mails.awaitOne(emailByNumber.get(1));
        assertThat(Mails.subject(confirmation)).contains("已收到您的听证会报名");
        assertThat(Mails.decoded(confirmation)).contains("报名编号：1").contains("/hearings/" + id);
        assertThatThrownBy(() -> hearings.register(id, new RegistrationForm(Participation.SPEAKER, "缺观点",
                "x." + tag + "@example.org", "业主", "滨城区", null, "要点", Map.of(fees, Side.FOR), "zh-CN")))
                .isInstanceOf(KaimenException.class).extracting("messageKey").isEqualTo("hearings.error.stances");
        assertThatThrownBy(() -> hearings.register(id, new RegistrationForm(Participation.SPEAKER, "重复",
                emailByNumber.get(1), "业主", "滨城区", null, "要点", Map.of(fees, Side.FOR, committee, Side.FOR),
                "zh-CN"))).isInstanceOf(KaimenException.class).extracting("messageKey")
                .isEqualTo("hearings.error.already-registered");
        String expert = "expert." + tag + "@example.org";
        staff(() -> hearings.invite(id, new RegistrationForm(Participation.SPEAKER, "特邀专家", expert, "学者",
                "滨城区", "物权法", "物业费的定价机制", Map.of(fees, Side.OTHER, committee, Side.OTHER), "zh-CN")));

        // The seed is announced (and registration closed) before the draw; anyone can recompute the result.
        String seed = staff(() -> hearings.announceSeed(id, null));
        assertThatThrownBy(() -> hearings.register(id, new RegistrationForm(Participation.OBSERVER, "迟到",
                "late." + tag + "@example.org", null, null, null, null, Map.of(), "zh-CN")))
                .isInstanceOf(KaimenException.class).extracting("messageKey")
                .isEqualTo("hearings.error.registration-closed");
        LotteryRecord drawn = staff(() -> hearings.draw(id));
        assertThat(drawn.seed()).isEqualTo(seed);
        assertThat(drawn.seats()).isEqualTo(4);
        assertThat(drawn.result()).isEqualTo(SpeakerLottery.draw(seed, drawn.candidates(), drawn.seats()));
        Http http = new Http(port);
        var published = http.get("/api/v1/hearings/" + id + "/lottery");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).doesNotContain("陈述人姓名").doesNotContain("@example.org");
        JsonNode lottery = json.readTree(published.body());
        List<SpeakerLottery.Candidate> input = new ArrayList<>();
        lottery.path("candidates").forEach(c -> input.add(new SpeakerLottery.Candidate(c.path("number").asInt(),
                Side.valueOf(c.path("side").asText()), c.path("sector").asText(), c.path("district").asText())));
        List<Integer> recomputed = SpeakerLottery.draw(lottery.path("seed").asText(), input,
                lottery.path("seats").asInt()).selected();
        List<Integer> announced = new ArrayList<>();
        lottery.path("result").path("selected").forEach(n -> announced.add(n.asInt()));
        assertThat(recomputed).isEqualTo(announced).hasSize(4);
        Map<Integer, Side> sides = new HashMap<>();
        input.forEach(c -> sides.put(c.number(), c.side()));
        long pro = announced.stream().filter(n -> sides.get(n) == Side.FOR).count();
        long contra = announced.stream().filter(n -> sides.get(n) == Side.AGAINST).count();
        assertThat(Math.abs(pro - contra)).isLessThanOrEqualTo(1);
        assertThat(lottery.path("invited")).hasSize(1);

        staff(() -> {
            hearings.notifySpeakers(id);
            hearings.notifyObservers(id);
            return null;
        });
        assertThat(staff(() -> hearings.timeline(id))).allMatch(s -> s.status() == TimelineStep.Status.DONE);
        int firstSelected = announced.get(0);
        MimeMessage selected = awaitMail(emailByNumber.get(firstSelected), "您已被确定为陈述人");
        Map<String, String> files = attachments(selected);
        assertThat(files.get("hearing.ics")).contains("BEGIN:VCALENDAR").contains("METHOD:PUBLISH")
                .contains("UID:hearing-" + id + "@kaimen").contains("DTSTART:");
        assertThat(files.get("draft.txt")).contains("听证流程测试").contains("第十二条");
        assertThat(files.get("body")).contains("发言顺序第 1 位").contains("/drafts/" + draftId);
        assertThat(attachments(awaitMail(expert, "您已被确定为陈述人"))).containsKey("hearing.ics");
        int notDrawn = emailByNumber.keySet().stream().filter(n -> !announced.contains(n)).findFirst().orElseThrow();
        assertThat(Mails.subject(awaitMail(emailByNumber.get(notDrawn), "遴选结果"))).contains("遴选结果");
        assertThat(attachments(awaitMail(observers.get(0), "您可以旁听"))).containsKey("hearing.ics");
        awaitMail(observers.get(2), "旁听名额已满");

        // A selected speaker cannot come: the waiting list moves up and the new speaker hears at once.
        long second = staff(() -> hearings.registrations(id)).stream().filter(r -> r.number() == announced.get(1))
                .findFirst().orElseThrow().id();
        int promoted = staff(() -> hearings.withdraw(id, second)).orElseThrow();
        assertThat(lottery.path("result").path("waiting").get(0).asInt() == promoted
                || sides.get(promoted) == sides.get(announced.get(1))).isTrue();
        assertThat(attachments(awaitMail(emailByNumber.get(promoted), "您已被确定为陈述人")).get("body"))
                .contains("发言顺序第 2 位");

        // Hearing day: statements per speaker and matter, a question and its answer.
        clock.advance(Duration.ofDays(30));
        List<Registration> regs = staff(() -> hearings.registrations(id));
        List<Registration> speakers = regs.stream().filter(r -> r.outcome() == Outcome.SELECTED)
                .sorted(java.util.Comparator.comparing(Registration::speakingOrder)).toList();
        assertThat(speakers).hasSize(5);
        Map<Long, Long> statementOf = new HashMap<>();
        for (Registration r : speakers) {
            statementOf.put(r.id(), staff(() -> hearings.record(id, TranscriptEntry.Kind.STATEMENT, r.id(), null,
                    fees, null, "陈述人" + r.number() + "认为物业费调整应经业主大会表决", "成本不透明，" + r.sector(), 300)));
        }
        Registration first = speakers.get(0);
        staff(() -> hearings.record(id, TranscriptEntry.Kind.QUESTION, null, "主持人张三", fees, null,
                "成本如何公开？", null, null));
        staff(() -> hearings.record(id, TranscriptEntry.Kind.ANSWER, first.id(), null, fees, null,
                "每季度公示收支。", null, null));

        staff(() -> {
            hearings.sendForReview(id);
            return null;
        });
        MimeMessage reviewMail = awaitMail(first.email(), "请核对您的听证笔录");
        String link = Mails.link(reviewMail, "http://localhost:8080/hearings/review/");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(http.get("/hearings/review/" + token).statusCode()).isEqualTo(200);
        TranscriptReview review = hearings.review(token).orElseThrow();
        assertThat(review.entries()).extracting(TranscriptEntry::registrationId).containsOnly(first.id());
        assertThat(review.entries()).hasSize(2);
        long correction = hearings.requestCorrection(token, statementOf.get(first.id()),
                "陈述人" + first.number() + "认为物业费调整须经业主大会三分之二表决", "漏记了比例");
        assertThatThrownBy(() -> staff(() -> {
            hearings.signOff(id);
            return null;
        })).isInstanceOf(KaimenException.class).extracting("messageKey").isEqualTo("hearings.error.review-running");

        clock.advance(Duration.ofDays(5).plusHours(1));
        assertThat(hearings.review(token)).as("the link expired with the review period").isEmpty();
        assertThatThrownBy(() -> staff(() -> {
            hearings.signOff(id);
            return null;
        })).isInstanceOf(KaimenException.class).extracting("messageKey")
                .isEqualTo("hearings.error.open-corrections");
        staff(() -> {
            hearings.resolve(correction, true, null);
            hearings.signOff(id);
            return null;
        });
        assertThatThrownBy(() -> staff(() -> hearings.record(id, TranscriptEntry.Kind.NOTE, null, "记录人", null,
                null, "补记", null, null))).isInstanceOf(KaimenException.class).extracting("messageKey")
                .isEqualTo("hearings.error.locked");
        List<String> hearingComments = jdbc.sql("""
                        SELECT text FROM comment WHERE draft_id = ? AND channel = 'HEARING' ORDER BY id""")
                .param(draftId).query(String.class).list();
        assertThat(hearingComments).hasSize(5).anyMatch(t -> t.contains("三分之二表决"));
        staff(() -> {
            hearings.signOff(id);
            return null;
        });
        assertThat(jdbc.sql("SELECT count(*) FROM comment WHERE draft_id = ? AND channel = 'HEARING'")
                .param(draftId).query(Integer.class).single()).as("signing off twice adds nothing").isEqualTo(5);

        // The report: public once published, as JSON, .docx and PDF.
        assertThat(http.get("/api/v1/hearings/" + id + "/report").statusCode()).isEqualTo(404);
        staff(() -> {
            hearings.setHandling(id, fees, "建议在第十二条增加业主大会表决和成本公示的规定。");
            hearings.setHandling(id, committee, "维持草案规定。");
            hearings.publishReport(id);
            return null;
        });
        var report = http.get("/api/v1/hearings/" + id + "/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("三分之二表决").contains("建议在第十二条").doesNotContain("@example.org")
                .doesNotContain("陈述人姓名");
        JsonNode matters = json.readTree(report.body()).path("matters");
        assertThat(matters.get(0).path("forViews").size() + matters.get(0).path("againstViews").size()
                + matters.get(0).path("otherViews").size()).isEqualTo(5);
        var docx = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/hearings/" + id
                + "/report.docx")).GET());
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.body()).startsWith("PK");
        var pdf = http.get("/api/v1/hearings/" + id + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");

        // The feedback desk answers the hearing's comments; every registered speaker hears how.
        List<Long> commentIds = jdbc.sql("SELECT id FROM comment WHERE draft_id = ?").param(draftId)
                .query(Long.class).list();
        long opinion = staff(() -> feedback.create(draftId, "物业费调整应经业主大会表决", commentIds, "manual"));
        staff(() -> {
            feedback.propose(opinion, Disposition.ADOPTED, "已在第十二条中增加业主大会表决的规定。", null);
            return null;
        });
        as(reviewer, "ROLE_DRAFTER", () -> {
            feedback.approve(opinion);
            feedback.publish(draftId);
            return null;
        });
        MimeMessage handled = awaitMail(emailByNumber.get(notDrawn), "处理情况");
        assertThat(Mails.decoded(handled)).contains("/drafts/" + draftId + "/report")
                .contains("/hearings/" + id + "/report");
        awaitMail(first.email(), "处理情况");
        awaitMail(observers.get(2), "处理情况");
    }

    @Test
    void theTimelineWarnsAsTheClockPassesEachStatutoryDeadline() throws Exception {
        long id = staff(() -> hearings.create(plan(OffsetDateTime.now(clock).plusDays(25), 4, 10)));
        assertThat(staff(() -> hearings.timeline(id))).noneMatch(s -> s.status().warning());

        clock.advance(Duration.ofDays(6));
        Http http = new Http(port);
        var response = http.getAs(clerk, TestAccounts.PASSWORD, "/api/v1/hearings/" + id + "/timeline");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode steps = json.readTree(response.body());
        assertThat(steps.get(0).path("step").asText()).isEqualTo("NOTICE");
        assertThat(steps.get(0).path("status").asText()).isEqualTo("OVERDUE");
        assertThat(http.get("/api/v1/hearings/" + id + "/timeline").statusCode()).isEqualTo(401);

        staff(() -> {
            hearings.announce(id);
            return null;
        });
        assertThat(staff(() -> hearings.timeline(id)).get(0).status()).isEqualTo(TimelineStep.Status.LATE);
        clock.advance(Duration.ofDays(8));
        assertThat(staff(() -> hearings.timeline(id))).extracting(TimelineStep::step, TimelineStep::status)
                .contains(org.assertj.core.groups.Tuple.tuple(TimelineStep.Step.SPEAKERS_FIXED,
                        TimelineStep.Status.DUE_SOON));
        clock.advance(Duration.ofDays(2));
        assertThat(staff(() -> hearings.timeline(id))).extracting(TimelineStep::step, TimelineStep::status)
                .contains(org.assertj.core.groups.Tuple.tuple(TimelineStep.Step.SPEAKERS_FIXED,
                        TimelineStep.Status.OVERDUE));
    }

    @Test
    void aPlanNeedsAnOddNumberOfHearersWithOnePresiding() {
        HearingPlan even = new HearingPlan(draftId, "听证会", "会议室", null, OffsetDateTime.now(clock).plusDays(30),
                null, 4, 4, 8, List.of(new HearingPlan.MatterPlan("物业费", List.of("a12"))),
                List.of(new Hearer("甲", null, true), new Hearer("乙", null, false)));
        assertThatThrownBy(() -> staff(() -> hearings.create(even))).isInstanceOf(KaimenException.class)
                .extracting("messageKey").isEqualTo("hearings.error.hearers-odd");
        String citizen = accounts.create(Role.CITIZEN);
        assertThatThrownBy(() -> as(citizen, "ROLE_CITIZEN", () -> hearings.create(plan(
                OffsetDateTime.now(clock).plusDays(30), 4, 4)))).as("citizens cannot plan hearings")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private HearingPlan plan(OffsetDateTime startsAt, int speakers, int observers) {
        return new HearingPlan(draftId, "滨州市住宅物业管理条例（草案）立法听证会", "市人大常委会第一会议室", null, startsAt,
                null, speakers, observers, 8,
                List.of(new HearingPlan.MatterPlan("物业费的调整程序", List.of("a12")),
                        new HearingPlan.MatterPlan("业主委员会的组成", List.of("a20"))),
                List.of(new Hearer("主持人张三", "法制委员会", true), new Hearer("李四", "法工委", false),
                        new Hearer("王五", "住建局", false)));
    }

    private MimeMessage awaitMail(String to, String subjectPart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(to).stream()
                .filter(m -> Mails.subject(m).contains(subjectPart)).findFirst().orElse(null), m -> m != null);
    }

    /** The mail's text as "body" and each attachment's text by file name. */
    private static Map<String, String> attachments(MimeMessage message) throws Exception {
        Map<String, String> out = new HashMap<>();
        Object content = message.getContent();
        if (!(content instanceof Multipart multipart)) {
            out.put("body", String.valueOf(content));
            return out;
        }
        collect(multipart, out);
        return out;
    }

    private static void collect(Multipart multipart, Map<String, String> out) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                collect(inner, out);
            } else if (part.getFileName() != null) {
                try (InputStream in = part.getInputStream()) {
                    out.put(part.getFileName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } else {
                out.merge("body", String.valueOf(part.getContent()), String::concat);
            }
        }
    }

    private <T> T staff(Supplier<T> action) {
        return as(clerk, "ROLE_DRAFTER", action);
    }
}
