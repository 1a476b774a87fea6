package org.kaimen.accounts.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.kaimen.accounts.AccountService;
import org.kaimen.shared.web.KaimenException;

/** Citizens sign up with an e-mail address; the account works once the link in the mail is followed. */
@Route("register")
@AnonymousAllowed
public class RegisterView extends Main implements HasDynamicTitle {

    private final TextField name = new TextField();
    private final EmailField email = new EmailField();
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Checkbox consent = new Checkbox();
    private final Button submit = new Button();
    private final Div result = new Div();

    public RegisterView(AccountService accounts) {
        addClassNames("kaimen-content", "kaimen-form-page");
        name.setLabel(getTranslation("register.name"));
        name.setHelperText(getTranslation("register.name.help"));
        name.setMaxLength(60);
        name.setRequiredIndicatorVisible(true);
        name.setId("register-name");
        email.setLabel(getTranslation("register.email"));
        email.setRequiredIndicatorVisible(true);
        email.setId("register-email");
        password.setLabel(getTranslation("register.password"));
        password.setHelperText(getTranslation("register.password.help", AccountService.MIN_PASSWORD_LENGTH));
        password.setRequiredIndicatorVisible(true);
        password.setId("register-password");
        repeat.setLabel(getTranslation("register.repeat"));
        repeat.setRequiredIndicatorVisible(true);
        repeat.setId("register-repeat");
        consent.setLabel(getTranslation("register.consent"));
        consent.setId("register-consent");
        submit.setText(getTranslation("register.submit"));
        submit.setId("register-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        result.setId("register-result");
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");

        submit.addClickListener(e -> {
            clearErrors();
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage(getTranslation("register.error.repeat"));
                return;
            }
            if (!consent.getValue()) {
                showResult(getTranslation("register.error.consent"), true);
                return;
            }
            try {
                accounts.register(new AccountService.Registration(name.getValue(), email.getValue(),
                        password.getValue(), getLocale()));
                // The same answer whether the address was new or not: nobody learns who has an account.
                showResult(getTranslation("register.done", email.getValue()), false);
                submit.setEnabled(false);
            } catch (KaimenException ex) {
                showFieldError(ex);
            }
        });
        add(new H1(getTranslation("register.heading")), new Paragraph(getTranslation("register.intro")),
                name, email, password, repeat, consent, submit, result);
    }

    private void showFieldError(KaimenException ex) {
        String message = getTranslation(ex.messageKey(), ex.args());
        switch (ex.messageKey()) {
            case "accounts.error.name" -> { name.setInvalid(true); name.setErrorMessage(message); }
            case "accounts.error.email" -> { email.setInvalid(true); email.setErrorMessage(message); }
            case "accounts.error.password" -> { password.setInvalid(true); password.setErrorMessage(message); }
            default -> showResult(message, true);
        }
    }

    private void clearErrors() {
        name.setInvalid(false);
        email.setInvalid(false);
        password.setInvalid(false);
        repeat.setInvalid(false);
        result.setText("");
    }

    private void showResult(String text, boolean problem) {
        result.setText(text);
        result.setClassName("kaimen-notice");
        result.getElement().getClassList().set("kaimen-notice-error", problem);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.heading");
    }
}
