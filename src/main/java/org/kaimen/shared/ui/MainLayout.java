package org.kaimen.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import org.kaimen.shared.i18n.KaimenI18NProvider;
import org.kaimen.shared.i18n.LocaleInitializer;

/**
 * The frame of every page: a navigation drawer that lists only what the user's role may open (from each view's
 * {@code @Menu}, whose title is an i18n key), the language switch and the sign-in state.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient AuthenticationContext auth;
    private final SideNav nav = new SideNav();
    private final HorizontalLayout account = new HorizontalLayout();
    private final Button language = new Button();
    private final Span title = new Span();

    public MainLayout(AuthenticationContext auth) {
        this.auth = auth;
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        title.addClassName("kaimen-page-title");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.setId("language-switch");
        language.addClickListener(e -> switchLanguage());
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        account.addClassName("kaimen-account");

        HorizontalLayout bar = new HorizontalLayout(toggle, title, language, account);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.addClassName("kaimen-navbar");
        // A named region, so the page title and the account links are inside a landmark for screen readers (axe
        // 'region'); not a banner, which the drawer's header already is.
        bar.getElement().setAttribute("role", "region");
        bar.getElement().setAttribute("aria-label", getTranslation("layout.top-bar"));
        addToNavbar(bar);

        Anchor brand = new Anchor("", getTranslation("app.name"));
        brand.addClassName("kaimen-brand");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("kaimen-tagline");
        Header header = new Header(brand, tagline);
        header.addClassName("kaimen-drawer-header");
        nav.addClassName("kaimen-nav");
        nav.setLabel(getTranslation("layout.navigation"));
        Footer footer = new Footer(new Span(getTranslation("app.footer")));
        footer.addClassName("kaimen-drawer-footer");
        addToDrawer(header, nav, footer);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        rebuildNavigation();
        rebuildAccount();
        language.setText(Locale.ENGLISH.equals(getLocale()) ? "中文" : "English");
        language.getElement().setAttribute("lang", Locale.ENGLISH.equals(getLocale()) ? "zh-CN" : "en");
        title.setText(event.getActiveChain().stream().findFirst()
                .filter(HasDynamicTitle.class::isInstance).map(v -> ((HasDynamicTitle) v).getPageTitle()).orElse(""));
        getElement().executeJs("document.documentElement.lang = $0", getLocale().toLanguageTag());
    }

    private void rebuildNavigation() {
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && entry.icon().contains(":")) {
                String[] icon = entry.icon().split(":", 2);
                item.setPrefixComponent(new Icon(icon[0], icon[1]));
            }
            nav.addItem(item);
        }
    }

    private void rebuildAccount() {
        account.removeAll();
        if (auth.isAuthenticated()) {
            Span name = new Span(auth.getPrincipalName().orElse(""));
            name.addClassName("kaimen-user-name");
            Button logout = new Button(getTranslation("layout.logout"), e -> auth.logout());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            account.add(name, logout);
        } else {
            Anchor login = new Anchor("login", getTranslation("layout.login"));
            login.setId("login-link");
            Anchor register = new Anchor("register", getTranslation("layout.register"));
            account.add(login, register);
        }
    }

    private void switchLanguage() {
        Locale next = Locale.ENGLISH.equals(getLocale()) ? KaimenI18NProvider.CHINESE : Locale.ENGLISH;
        LocaleInitializer.remember(next);
        UI ui = UI.getCurrent();
        ui.getSession().setLocale(next);
        ui.setLocale(next);
        // Labels are built in constructors, so a fresh page is the honest way to show every text in the new language.
        ui.getPage().reload();
    }

    /** For views that want a plain content wrapper with the layout's reading width. */
    public static Component content(Component... children) {
        Div div = new Div(children);
        div.addClassName("kaimen-content");
        return div;
    }
}
