package org.kaimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.notifications.internal.MailTemplates;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Mails;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class MailTemplatesIT {

    static final String KEY = "mail.receipt.subject";

    @Autowired
    MailTemplates templates;
    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    String admin;

    @AfterEach
    void backToDefault() {
        SignedIn.as(admin, "ROLE_ADMIN", () -> {
            templates.reset(KEY, "zh-CN");
            return null;
        });
    }

    @Test
    void anAdministratorsWordingIsUsedForTheNextMailAndTheChangeIsAudited() {
        admin = accounts.create(Role.ADMIN);
        SignedIn.as(admin, "ROLE_ADMIN", () -> {
            templates.save(KEY, "zh-CN", "【市人大常委会法工委】意见回执 {0}");
            return null;
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'mail.template.save' AND actor = :a")
                .param("a", admin).query(Long.class).single()).isEqualTo(1);

        String receipt = submitAsNewCitizen();
        String citizen = lastCitizen;
        assertThat(Mails.subject(Mails.awaitOne(citizen + "@example.org")))
                .isEqualTo("【市人大常委会法工委】意见回执 " + receipt);

        SignedIn.as(admin, "ROLE_ADMIN", () -> {
            templates.reset(KEY, "zh-CN");
            return null;
        });
        String second = submitAsNewCitizen();
        assertThat(Mails.subject(Mails.awaitOne(lastCitizen + "@example.org")))
                .isEqualTo(templates.text(KEY, new Object[] {second}, java.util.Locale.SIMPLIFIED_CHINESE))
                .doesNotContain("法工委");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'mail.template.reset' AND actor = :a")
                .param("a", admin).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsChangeMailsAndAMalformedPlaceholderIsRefused() {
        admin = accounts.create(Role.ADMIN);
        String clerk = accounts.create(Role.DRAFTER);
        assertThatThrownBy(() -> SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            templates.save(KEY, "zh-CN", "随便写写");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignedIn.as(admin, "ROLE_ADMIN", () -> {
            templates.save(KEY, "zh-CN", "回执 {0");
            return null;
        })).hasMessage("mailtemplates.error.format");
        assertThat(templates.override(KEY, "zh-CN")).isEmpty();
    }

    private String lastCitizen;

    private String submitAsNewCitizen() {
        String drafter = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(drafter, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "邮件模板测试", true).id());
        lastCitizen = accounts.create(Role.CITIZEN);
        // The receipt goes out in the language the comment was made in.
        LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            return SignedIn.as(lastCitizen, "ROLE_CITIZEN", () -> comments.submit(new NewComment(draftId, null,
                    Stance.SUPPORT, "支持本条例。", null, null, null, null, null, null, false, null, null, null, null,
                    true)).receipt());
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
