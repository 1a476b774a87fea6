package org.kaimen.testsupport;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.DomEvent;
import elemental.json.Json;
import elemental.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.kaimen.drafts.ui.DraftReadingView;

/**
 * The reading view draws each article as markup (plain buttons and links inside one element), which Karibu's
 * component lookups cannot see into: these read that markup and click its buttons the way the browser does, with the
 * click event the view's one listener receives.
 */
public final class ReadingViewActions {

    private ReadingViewActions() {
    }

    /** The markup inside a component (its innerHTML), parsed as a browser would. */
    public static Document markup(Component component) {
        Object inner = component.getElement().getPropertyRaw("innerHTML");
        return Jsoup.parseBodyFragment(inner == null ? "" : inner.toString());
    }

    /** The article with this key (a12) of the reading view on screen, parsed. */
    public static Document article(String key) {
        return markup(_get(Div.class, spec -> spec.withId(key).withClasses("kaimen-article")));
    }

    /** Clicks the button with this CSS class beside the article, with nothing selected. */
    public static void click(String articleKey, String buttonClass) {
        click(articleKey, buttonClass, null);
    }

    /** Clicks the button with this CSS class beside the article; {@code selection} as the browser reports it. */
    public static void click(String articleKey, String buttonClass, String selection) {
        Element button = article(articleKey).selectFirst("button." + buttonClass);
        assertThat(button).as("a %s button beside %s", buttonClass, articleKey).isNotNull();
        fire(button.attr("data-action"), articleKey, selection);
    }

    /** The click event as a browser (or someone imitating one) sends it: any action name, any article key. */
    public static void fire(String action, String articleKey, String selection) {
        Div text = _get(Div.class, spec -> spec.withId("draft-text"));
        JsonObject data = Json.createObject();
        data.put(DraftReadingView.EVENT_FILTER, true);
        data.put(DraftReadingView.EVENT_ACTION, action);
        data.put(DraftReadingView.EVENT_ARTICLE, articleKey);
        if (selection == null) {
            data.put(DraftReadingView.EVENT_SELECTION, Json.createNull());
        } else {
            data.put(DraftReadingView.EVENT_SELECTION, selection);
        }
        ElementUtilsKt._fireDomEvent(text.getElement(), new DomEvent(text.getElement(), "click", data));
    }
}
