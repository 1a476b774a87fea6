package org.kaimen.accounts.internal;

import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's header checks without regular expressions. Spring Security's strict firewall checks every header
 * name and value, on every read, against {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}; Spring MVC reads the headers
 * many times per request (each request mapping's conditions, the body converters), and those matches were a tenth of
 * the CPU of a comment submission. These loops accept exactly the same strings ({@code HeaderCharactersTest}).
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Every code point assigned in Unicode and not an ISO control character. */
    static boolean nameAllowed(String name) {
        return allowed(name, false);
    }

    /** As for names, and the horizontal tab. */
    static boolean valueAllowed(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String s, boolean tab) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            // Printable ASCII first: nearly every header is only that.
            if (cp < 0x20 || cp >= 0x7f) {
                if (!(tab && cp == '\t') && (!Character.isDefined(cp) || Character.isISOControl(cp))) {
                    return false;
                }
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** The strict firewall with these checks; its other rules (paths, methods, encodings) stay as they are. */
    static WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::nameAllowed);
        firewall.setAllowedHeaderValues(HeaderCharacters::valueAllowed);
        return web -> web.httpFirewall(firewall);
    }
}
