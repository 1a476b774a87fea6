package org.kaimen.shared.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The site speaks Chinese unless the visitor chose English with the language switch; the choice is kept in a
 * cookie so it survives sessions, and the browser's Accept-Language is deliberately not followed.
 */
@Component
public class LocaleInitializer implements VaadinServiceInitListener {

    public static final String COOKIE = "kaimen-lang";
    private static final String SESSION_KEY = "kaimen.locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            Object chosen = ui.getUI().getSession().getAttribute(SESSION_KEY);
            ui.getUI().setLocale(chosen instanceof Locale l ? l : fromCookie(VaadinRequest.getCurrent()));
        });
    }

    static Locale fromCookie(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return KaimenI18NProvider.CHINESE;
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .findFirst()
                .map(c -> KaimenI18NProvider.supported(Locale.forLanguageTag(c.getValue())))
                .orElse(KaimenI18NProvider.CHINESE);
    }

    /** Remembers the visitor's language choice for this session and, by cookie, for later visits. */
    public static void remember(Locale locale) {
        if (com.vaadin.flow.server.VaadinSession.getCurrent() != null) {
            com.vaadin.flow.server.VaadinSession.getCurrent().setAttribute(SESSION_KEY, locale);
        }
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, locale.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
    }
}
