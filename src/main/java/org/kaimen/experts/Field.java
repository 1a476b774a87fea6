package org.kaimen.experts;

import java.util.Locale;

/** A field of expertise from the editable taxonomy (法学, 城乡建设 …); {@code code} is stable, names are not. */
public record Field(String code, String nameZh, String nameEn, int position, boolean active) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
