package org.kaimen.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.accounts.ui.LoginView;
import org.kaimen.accounts.ui.UsersView;
import org.kaimen.notifications.ui.OutboxView;
import org.kaimen.drafts.ui.DraftListView;
import org.kaimen.shared.ui.MainLayout;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;

class MainLayoutIT extends KaribuSupport {

    @Autowired
    TestAccounts accounts;

    @Test
    void aVisitorSeesThePublicPagesOnlyAndASignInLink() {
        UI.getCurrent().navigate("");
        _get(MainLayout.class);
        _get(DraftListView.class);
        assertThat(navLabels()).contains("首页").doesNotContain("用户管理", "邮件发件箱");
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("login-link"))).hasSize(1);
    }

    @Test
    void administrationPagesSendAVisitorToTheLoginPage() {
        UI.getCurrent().navigate("admin/users");
        _get(LoginView.class);
        assertThat(_find(UsersView.class)).isEmpty();
    }

    @Test
    void anAdministratorSeesUserAndOutboxPagesAndCanSignOut() {
        String admin = accounts.create(Role.ADMIN);
        signIn(admin, Role.ADMIN);
        UI.getCurrent().navigate("admin/users");
        _get(UsersView.class);
        assertThat(navLabels()).contains("首页", "用户管理", "邮件发件箱");
        assertThat(_get(Button.class, spec -> spec.withId("logout")).getText()).isEqualTo("退出登录");

        UI.getCurrent().navigate("admin/outbox");
        _get(OutboxView.class);
    }

    @Test
    void aCitizenDoesNotSeeAdministration() {
        String citizen = accounts.create(Role.CITIZEN);
        signIn(citizen, Role.CITIZEN);
        UI.getCurrent().navigate("");
        assertThat(navLabels()).doesNotContain("用户管理");
        try {
            UI.getCurrent().navigate("admin/outbox");
        } catch (AssertionError | RuntimeException accessDenied) {
            // Karibu rethrows Vaadin's access-denied error page as an exception; the browser shows the page.
            assertThat(accessDenied).hasMessageContaining("AccessDenied");
        }
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(OutboxView.class::isInstance);
    }

    @Test
    void theSiteSpeaksChineseByDefaultAndEnglishWhenChosen() {
        UI.getCurrent().navigate("");
        assertThat(_get(H1.class, spec -> spec.withId("home-heading")).getText()).contains("开门立法");
        Button language = _get(Button.class, spec -> spec.withId("language-switch"));
        assertThat(language.getText()).isEqualTo("English");

        _click(language);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.ENGLISH);
        UI.getCurrent().navigate("login");
        UI.getCurrent().navigate("");
        assertThat(_get(H1.class, spec -> spec.withId("home-heading")).getText())
                .contains("public consultation on draft regulations");
        assertThat(navLabels()).contains("Home");
    }

    private static List<String> navLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
