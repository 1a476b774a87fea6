package org.kaimen.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.kaimen.accounts.AccountService;
import org.kaimen.accounts.ApiTokenInfo;
import org.kaimen.accounts.NewApiToken;
import org.kaimen.shared.web.KaimenException;

/**
 * Personal API tokens: created here for a program (an offline-entry station, a newsroom's client), shown once,
 * revoked here. The secret is never shown again, so the page says so next to it.
 */
@Route("account/tokens")
@Menu(title = "nav.api-tokens", order = 95, icon = "vaadin:key")
@PermitAll
public class ApiTokensView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient AccountService accounts;
    private final transient Clock clock;
    private final Grid<ApiTokenInfo> grid = new Grid<>();
    private final Div created = new Div();

    public ApiTokensView(AccountService accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        addClassName("kaimen-content");
        add(new H1(getTranslation("tokens.title")), new Paragraph(getTranslation("tokens.intro")));

        TextField name = new TextField(getTranslation("tokens.name"));
        name.setId("token-name");
        name.setMaxLength(60);
        name.setPlaceholder(getTranslation("tokens.name.placeholder"));
        IntegerField days = new IntegerField(getTranslation("tokens.days"));
        days.setId("token-days");
        days.setMin(1);
        days.setMax(AccountService.MAX_API_TOKEN_DAYS);
        days.setValue(90);
        days.setStepButtonsVisible(true);
        Button create = new Button(getTranslation("tokens.create"), e -> create(name, days));
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(name, days, create);
        form.addClassName("kaimen-token-form");
        created.setId("token-created");
        add(form, created);

        grid.setId("token-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiTokenInfo::name).setHeader(getTranslation("tokens.name")).setFlexGrow(2);
        grid.addColumn(t -> "…" + t.hint()).setHeader(getTranslation("tokens.hint"));
        grid.addColumn(t -> format(t.createdAt())).setHeader(getTranslation("tokens.created"));
        grid.addColumn(t -> format(t.lastUsedAt())).setHeader(getTranslation("tokens.last-used"));
        grid.addColumn(this::state).setHeader(getTranslation("tokens.state"));
        grid.addComponentColumn(t -> {
            if (!t.usable(OffsetDateTime.now(clock))) {
                return new Div();
            }
            Button revoke = new Button(getTranslation("tokens.revoke"), e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        }).setKey("actions");
        add(grid);
        refresh();
    }

    private void create(TextField name, IntegerField days) {
        try {
            NewApiToken token = accounts.createApiToken(name.getValue(),
                    days.getValue() == null ? 0 : days.getValue());
            TextField secret = new TextField(getTranslation("tokens.secret"));
            secret.setId("token-secret");
            secret.setValue(token.token());
            secret.setReadOnly(true);
            secret.setWidthFull();
            secret.setHelperText(getTranslation("tokens.secret.once", format(token.expiresAt())));
            created.removeAll();
            created.add(secret);
            name.clear();
            refresh();
        } catch (KaimenException e) {
            Notification n = Notification.show(getTranslation(e.messageKey(), e.args()));
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void confirmRevoke(ApiTokenInfo token) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("tokens.revoke"),
                getTranslation("tokens.revoke.confirm", token.name()), getTranslation("tokens.revoke"), e -> {
                    accounts.revokeApiToken(token.id());
                    created.removeAll();
                    refresh();
                });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("tokens.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void refresh() {
        grid.setItems(accounts.apiTokens());
    }

    private String state(ApiTokenInfo t) {
        if (t.revokedAt() != null) {
            return getTranslation("tokens.state.revoked", format(t.revokedAt()));
        }
        if (!t.expiresAt().isAfter(OffsetDateTime.now(clock))) {
            return getTranslation("tokens.state.expired", format(t.expiresAt()));
        }
        return getTranslation("tokens.state.valid", format(t.expiresAt()));
    }

    private String format(OffsetDateTime at) {
        return at == null ? "—" : DATE.format(at.atZoneSameInstant(clock.getZone()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tokens.title");
    }
}
