package org.kaimen.notifications.internal;

import java.util.Locale;
import org.kaimen.accounts.AccountRegistered;
import org.kaimen.accounts.PasswordResetRequested;
import org.kaimen.accounts.RegistrationRepeated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns account events into mails. Each runs after the account's transaction committed, from the event publication
 * registry; a redelivered event finds its mail already queued under the same key.
 */
@Component
class AccountMails {

    private final MailOutbox outbox;
    private final MailTemplates templates;

    AccountMails(MailOutbox outbox, MailTemplates templates) {
        this.outbox = outbox;
        this.templates = templates;
    }

    @ApplicationModuleListener
    void on(AccountRegistered e) {
        Locale locale = Locale.forLanguageTag(e.locale());
        outbox.enqueue("verify-email:" + e.tokenId(), e.email(),
                text("mail.verify.subject", locale),
                text("mail.verify.body", locale, e.displayName(), e.verificationLink()), "VERIFY_EMAIL");
    }

    @ApplicationModuleListener
    void on(RegistrationRepeated e) {
        Locale locale = Locale.forLanguageTag(e.locale());
        outbox.enqueue("registration-repeated:" + e.attemptId(), e.email(),
                text("mail.repeated.subject", locale),
                text("mail.repeated.body", locale, e.loginLink(), e.resetLink()), "REGISTRATION_REPEATED");
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested e) {
        Locale locale = Locale.forLanguageTag(e.locale());
        outbox.enqueue("reset-password:" + e.tokenId(), e.email(),
                text("mail.reset.subject", locale),
                text("mail.reset.body", locale, e.displayName(), e.resetLink()), "RESET_PASSWORD");
    }

    private String text(String key, Locale locale, Object... args) {
        return templates.text(key, args, locale);
    }
}
