package org.kaimen.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.kaimen.accounts.AccountService;
import org.kaimen.accounts.AccountService.LinkOutcome;
import org.kaimen.shared.web.KaimenException;

/** Where the reset link from the mail lands: choose a new password, once. */
@Route("reset-password")
@AnonymousAllowed
public class ResetPasswordView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Button submit = new Button();
    private final Div result = new Div();
    private String token;

    public ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
        addClassNames("kaimen-content", "kaimen-form-page");
        password.setLabel(getTranslation("reset.password"));
        password.setHelperText(getTranslation("register.password.help", AccountService.MIN_PASSWORD_LENGTH));
        password.setId("reset-password");
        repeat.setLabel(getTranslation("register.repeat"));
        repeat.setId("reset-repeat");
        submit.setText(getTranslation("reset.submit"));
        submit.setId("reset-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("reset-result");
        result.getElement().setAttribute("role", "status");
        submit.addClickListener(e -> submit());
        add(new H1(getTranslation("reset.heading")), password, repeat, submit, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault("token", java.util.List.of()).stream().findFirst().orElse(null);
        LinkOutcome state = accounts.checkResetLink(token);
        if (state != LinkOutcome.DONE) {
            fail(state);
        }
    }

    private void submit() {
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setInvalid(true);
            repeat.setErrorMessage(getTranslation("register.error.repeat"));
            return;
        }
        try {
            LinkOutcome outcome = accounts.resetPassword(token, password.getValue());
            if (outcome == LinkOutcome.DONE) {
                getUI().ifPresent(ui -> ui.getPage().setLocation("login?reset"));
            } else {
                fail(outcome);
            }
        } catch (KaimenException ex) {
            password.setInvalid(true);
            password.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
        }
    }

    private void fail(LinkOutcome outcome) {
        result.setText(getTranslation("reset.link." + outcome.name().toLowerCase()));
        result.setClassName("kaimen-notice kaimen-notice-error");
        password.setEnabled(false);
        repeat.setEnabled(false);
        submit.setEnabled(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.heading");
    }
}
