package org.kaimen.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.ui.LoginView;
import org.kaimen.testsupport.KaribuSupport;

class LoginViewIT extends KaribuSupport {

    @Test
    void theLoginPageShowsAChineseFormThatPostsToSpringSecurity() {
        UI.getCurrent().navigate("login");
        _get(LoginView.class);
        LoginForm form = _get(LoginForm.class);
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
        assertThat(form.isForgotPasswordButtonVisible()).isTrue();
        assertThat(_get(H1.class, spec -> spec.withText("登录开门立法"))).isNotNull();
    }

    @Test
    void aFailedLoginComesBackWithTheErrorShown() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(_get(LoginForm.class).isError()).isTrue();
    }

    @Test
    void theVerificationLinkOutcomeIsExplained() {
        UI.getCurrent().navigate("login", QueryParameters.of("verification", "done"));
        Div notice = _get(Div.class, spec -> spec.withId("login-notice"));
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("电子邮箱已验证");

        UI.getCurrent().navigate("login", QueryParameters.of("verification", "expired"));
        notice = _get(Div.class, spec -> spec.withId("login-notice"));
        assertThat(notice.getText()).contains("已过期");
        assertThat(notice.getClassNames()).contains("kaimen-notice-error");
    }

    @Test
    void aLoginFormWhoseTokenWentStaleComesBackWithANoticeToSignInAgain() {
        UI.getCurrent().navigate("login", QueryParameters.of("stale", ""));
        Div notice = _get(Div.class, spec -> spec.withId("login-notice"));
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("登录页面已过期");
        assertThat(notice.getClassNames()).contains("kaimen-notice-error");
        assertThat(_get(LoginForm.class).isError()).isFalse();
    }
}
