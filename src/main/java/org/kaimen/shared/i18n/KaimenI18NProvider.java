package org.kaimen.shared.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Views and the API share one set of bundles ({@code i18n/messages*.properties}): Chinese by default, English. */
@Component
public class KaimenI18NProvider implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> LOCALES = List.of(CHINESE, Locale.ENGLISH);

    private final MessageSource messages;

    public KaimenI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.getMessage(key, params, "!" + key, supported(locale));
    }

    /** Anything that is not English reads Chinese: the site's public is Chinese-speaking. */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }
}
