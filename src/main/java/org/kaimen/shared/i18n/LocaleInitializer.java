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

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(fromCookie(VaadinRequest.getCurrent())));
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

    /** Remembers the visitor's language choice. */
    public static void remember(Locale locale) {
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
