package org.kaimen.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.kaimen.accounts.AccountService;
import org.kaimen.shared.web.KaimenException;

/** Asks for a reset link; answers the same for known and unknown addresses. */
@Route("forgot-password")
@AnonymousAllowed
public class ForgotPasswordView extends Main implements HasDynamicTitle {

    public ForgotPasswordView(AccountService accounts) {
        addClassNames("kaimen-content", "kaimen-form-page");
        EmailField email = new EmailField(getTranslation("forgot.email"));
        email.setId("forgot-email");
        email.setRequiredIndicatorVisible(true);
        Div result = new Div();
        result.setId("forgot-result");
        result.getElement().setAttribute("role", "status");
        Button submit = new Button(getTranslation("forgot.submit"));
        submit.setId("forgot-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> {
            try {
                accounts.requestPasswordReset(email.getValue(), getLocale());
                email.setInvalid(false);
                result.setText(getTranslation("forgot.done"));
                result.setClassName("kaimen-notice");
            } catch (KaimenException ex) {
                email.setInvalid(true);
                email.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        add(new H1(getTranslation("forgot.heading")), new Paragraph(getTranslation("forgot.intro")), email, submit,
                result);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.heading");
    }
}
