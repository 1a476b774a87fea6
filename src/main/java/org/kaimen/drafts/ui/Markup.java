package org.kaimen.drafts.ui;

import com.vaadin.flow.component.Component;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.kaimen.drafts.internal.HtmlText;

/**
 * HTML built on the server from text that is never trusted (a draft's wording comes from whoever imported it): every
 * text piece and attribute value is escaped, tags and attribute names are the caller's constants. The result becomes
 * one element's innerHTML, so a long text costs one element instead of one per span, link and button.
 */
final class Markup {

    /**
     * Every UI showing the same draft holds the same markup for as long as it lives: one shared string instead of a
     * copy per reader. Entries go when no UI refers to them any more.
     */
    private static final Map<String, WeakReference<String>> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

    private final StringBuilder html = new StringBuilder(1024);

    /** An opening tag; {@code attributes} are name–value pairs, a pair with a null value is left out. */
    Markup open(String tag, String... attributes) {
        html.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                html.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1]);
                html.append('"');
            }
        }
        html.append('>');
        return this;
    }

    Markup close(String tag) {
        html.append("</").append(tag).append('>');
        return this;
    }

    Markup text(String text) {
        escape(text);
        return this;
    }

    Markup link(String href, String className, String text) {
        return open("a", "href", href, "class", className).text(text).close("a");
    }

    /** A plain button that a click listener on an ancestor recognises by {@code data-action}. */
    Markup button(String action, String className, String ariaLabel, String text) {
        return open("button", "type", "button", "class", className, "data-action", action, "aria-label", ariaLabel)
                .text(text).close("button");
    }

    boolean isEmpty() {
        return html.isEmpty();
    }

    /** Makes the markup the content of {@code component}'s element. */
    <T extends Component> T into(T component) {
        component.getElement().setProperty("innerHTML", shared(html.toString()));
        return component;
    }

    static String shared(String markup) {
        synchronized (SHARED) {
            WeakReference<String> known = SHARED.get(markup);
            String same = known == null ? null : known.get();
            if (same != null) {
                return same;
            }
            SHARED.put(markup, new WeakReference<>(markup));
            return markup;
        }
    }

    private void escape(String text) {
        HtmlText.escapeInto(text, html);
    }
}
