package org.kaimen.accounts.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/** Sign-in for every role; also where the e-mail verification link lands and says how it went. */
@Route(value = "login")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final Div notice = new Div();

    public LoginView() {
        addClassNames("kaimen-content", "kaimen-login");
        form.setAction("login");
        form.setI18n(i18n());
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(e -> getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));
        notice.addClassName("kaimen-notice");
        notice.setVisible(false);
        notice.setId("login-notice");
        notice.getElement().setAttribute("role", "status");
        Anchor register = new Anchor("register", getTranslation("login.register-link"));
        register.setId("register-link");
        add(new H1(getTranslation("login.heading")), notice, form,
                new Paragraph(getTranslation("login.no-account")), register);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        form.setError(params.containsKey("error"));
        String verification = params.getOrDefault("verification", List.of()).stream().findFirst().orElse(null);
        if (verification != null && verification.matches("done|expired|used|invalid")) {
            showNotice(getTranslation("login.verification." + verification), !"done".equals(verification));
        } else if (params.containsKey("stale")) {
            showNotice(getTranslation("login.stale"), true);
        } else if (params.containsKey("reset")) {
            showNotice(getTranslation("login.reset-done"), false);
        } else if (params.containsKey("registered")) {
            showNotice(getTranslation("login.registered"), false);
        }
    }

    private void showNotice(String text, boolean problem) {
        notice.setText(text);
        notice.setVisible(true);
        notice.getElement().getClassList().set("kaimen-notice-error", problem);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        f.setForgotPassword(getTranslation("login.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
