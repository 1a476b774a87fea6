package org.kaimen.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.experts.internal.ExpertWorkbook;
import org.kaimen.experts.internal.InvitationLinks;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry's spreadsheet round trip and the yearly record with its dismissal warning. */
@IntegrationTest
class ExpertRecordIT {

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

    String drafter;
    String field;

    @BeforeEach
    void aFieldOfItsOwn() {
        drafter = accounts.create(Role.DRAFTER);
        field = "r-" + UUID.randomUUID().toString().substring(0, 8);
        as(() -> {
            experts.saveField(new Field(field, "领域" + field, "Field " + field, 98, true));
            return null;
        });
    }

    @Test
    void aSheetImportsWithARowReportAndTheExportReadsBackTheSame() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        byte[] sheet = sheet(
                List.of("张三", "教授", "滨州学院", "高校科研", "法学、领域" + field, "zs-" + tag + "@example.org", "", "2026-01-01",
                        "", "否", "滨州市律师协会：理事；某物业公司", "=1+1 不是公式", ""),
                List.of("李四", "", "某所", "火星", "法学", "ls-" + tag + "@example.org", "", "", "", "", "", "", ""),
                List.of("王五", "", "某院", "法律实务", "天文学", "ww-" + tag + "@example.org", "", "", "", "", "", "", ""));

        ExpertService.ImportReport report = as(() -> experts.importXlsx(new ByteArrayInputStream(sheet)));

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.problems()).extracting(ExpertService.ImportProblem::row, ExpertService.ImportProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "experts.import.sector"),
                        org.assertj.core.groups.Tuple.tuple(4, "experts.import.field"));
        Expert zhang = as(() -> experts.search("zs-" + tag, null, null, 10, 0)).get(0);
        assertThat(zhang.fields()).containsExactly("law", field);
        assertThat(zhang.termEnd()).as("five years by default").isEqualTo(zhang.termStart().plusYears(5).minusDays(1));
        assertThat(zhang.interests()).containsExactly(new Interest("滨州市律师协会", "理事"), new Interest("某物业公司", null));
        assertThat(zhang.biography()).isEqualTo("=1+1 不是公式");

        byte[] exported = as(() -> experts.exportXlsx("zs-" + tag, null, null));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Row row = wb.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("张三");
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("法学、领域" + field);
            assertThat(row.getCell(11).getStringCellValue()).as("no formula in the export").isEqualTo("'=1+1 不是公式");
        }
        ExpertService.ImportReport again = as(() -> experts.importXlsx(new ByteArrayInputStream(exported)));
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.created()).isZero();
        assertThat(as(() -> experts.get(zhang.id()))).isEqualTo(zhang);
    }

    @Test
    void threeUnexcusedAbsencesInAYearRaiseTheDismissalWarning() {
        long expert = as(() -> experts.create(new ExpertForm("缺席专家", null, "某大学", Sector.ACADEMIA, null,
                "absent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", null, "zh-CN", null, null,
                false, List.of(field), List.of())));
        jdbc.sql("UPDATE expert SET status = 'APPOINTED', term_start = current_date - 10,"
                + " term_end = current_date + 60 WHERE id = ?").param(expert).update();
        long draftId = as(() -> drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "年度记录测试",
                true).id());
        for (int i = 0; i < 3; i++) {
            long c = as(() -> consultations.create(new NewConsultation(draftId, ConsultationKind.MEETING, "论证会",
                    List.of(), List.of(field), List.of(), 1, Duration.ofDays(2), OffsetDateTime.now().plusDays(5),
                    OffsetDateTime.now().plusDays(4), null)));
            as(() -> consultations.draw(c));
            as(() -> consultations.send(c));
            Invitation inv = as(() -> consultations.invitations(c)).get(0);
            consultations.accept(links.token(inv.id(), InvitationLinks.Action.ACCEPT, inv.expiresAt().toInstant()),
                    false, null);
            as(() -> {
                consultations.recordAttendance(inv.id(), Attendance.ABSENT);
                return null;
            });
        }

        YearRecord record = as(() -> experts.yearRecords(experts.currentYear())).stream()
                .filter(r -> r.expertId() == expert).findFirst().orElseThrow();
        assertThat(record.invitations()).isEqualTo(3);
        assertThat(record.acceptances()).isEqualTo(3);
        assertThat(record.unexcusedAbsences()).isEqualTo(3);
        assertThat(record.dismissalWarning()).isTrue();
        assertThat(record.termEnding()).isTrue();
    }

    private static byte[] sheet(List<String>... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet();
            Row header = s.createRow(0);
            for (int i = 0; i < ExpertWorkbook.HEADERS.size(); i++) {
                header.createCell(i).setCellValue(ExpertWorkbook.HEADERS.get(i));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows[r].size(); c++) {
                    row.createCell(c).setCellValue(rows[r].get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private <T> T as(java.util.function.Supplier<T> action) {
        return SignedIn.as(drafter, "ROLE_DRAFTER", action);
    }
}
