package org.kaimen.shared.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;

class AuditLogViewIT extends KaribuSupport {

    @Autowired
    TestAccounts accounts;
    @Autowired
    AuditLog audit;

    @Test
    void anAdministratorFindsAStaffActionInTheAuditLogByItsDetail() {
        String clerk = accounts.create(Role.DRAFTER);
        String marker = "审计测试-" + UUID.randomUUID();
        SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            audit.record("comment.hidden", "comment", 4711, marker);
            return null;
        });
        signIn(accounts.create(Role.ADMIN), Role.ADMIN);
        UI.getCurrent().navigate("admin/audit");
        _get(AuditLogView.class);

        _get(TextField.class, spec -> spec.withId("audit-filter")).setValue(marker);
        @SuppressWarnings("unchecked")
        Grid<AuditLog.Entry> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_getFormattedRow(grid, 0)).contains(clerk, "comment.hidden", "comment 4711", marker);
    }

    @Test
    void aClerkCannotOpenTheAuditLog() {
        signIn(accounts.create(Role.DRAFTER), Role.DRAFTER);
        try {
            UI.getCurrent().navigate("admin/audit");
        } catch (AssertionError | RuntimeException accessDenied) {
            assertThat(accessDenied).hasMessageContaining("AccessDenied");
        }
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(AuditLogView.class::isInstance);
    }

    @Test
    void theSettingsPageLinksEveryLiveEditorAndShowsTheConfiguredLimits() {
        signIn(accounts.create(Role.ADMIN), Role.ADMIN);
        UI.getCurrent().navigate("admin/settings");
        _get(AdminSettingsView.class);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Anchor.class))
                .extracting(com.vaadin.flow.component.html.Anchor::getHref)
                .contains("staff/moderation", "admin/index", "admin/mail-templates", "admin/audit");
        @SuppressWarnings("unchecked")
        Grid<AdminSettingsView.Setting> grid = _get(Grid.class, spec -> spec.withId("configured-settings"));
        assertThat(_size(grid)).isEqualTo(AdminSettingsView.CONFIGURED.size());
        assertThat(_getFormattedRow(grid, 0)).contains("kaimen.comments.account-window", "10m");
    }
}
