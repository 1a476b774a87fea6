package org.kaimen.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.kaimen.accounts.AccountService;
import org.kaimen.accounts.AccountStatus;
import org.kaimen.accounts.AccountSummary;
import org.kaimen.accounts.Role;
import org.kaimen.shared.web.KaimenException;

/** Administrators find accounts, change roles and status, unlock, and create staff accounts. */
@Route("admin/users")
@Menu(title = "nav.users", order = 90, icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final AccountService accounts;
    private final Grid<AccountSummary> grid = new Grid<>();
    private final TextField filter = new TextField();

    public UsersView(AccountService accounts) {
        this.accounts = accounts;
        addClassNames("kaimen-content", "kaimen-wide");
        filter.setPlaceholder(getTranslation("users.filter"));
        filter.setAriaLabel(getTranslation("users.filter"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.setId("users-filter");
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button create = new Button(getTranslation("users.create"), e -> openCreate());
        create.setId("users-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("users-grid");
        grid.addColumn(AccountSummary::username).setHeader(getTranslation("users.username")).setAutoWidth(true);
        grid.addColumn(AccountSummary::displayName).setHeader(getTranslation("users.name")).setAutoWidth(true);
        grid.addColumn(AccountSummary::email).setHeader(getTranslation("users.email")).setAutoWidth(true);
        grid.addColumn(a -> a.roles().stream().map(r -> getTranslation("role." + r.name()))
                .sorted().collect(Collectors.joining("、"))).setHeader(getTranslation("users.roles"));
        grid.addColumn(a -> getTranslation("status." + a.status().name())).setHeader(getTranslation("users.status"));
        grid.addColumn(a -> a.createdAt() == null ? "" : DATE.format(a.createdAt()))
                .setHeader(getTranslation("users.created"));
        grid.setItems(q -> accounts.search(filter.getValue(), q.getLimit(), q.getOffset()).stream(),
                q -> accounts.count(filter.getValue()));
        grid.addItemClickListener(e -> openEdit(e.getItem()));
        grid.setAllRowsVisible(false);
        grid.setHeight("70vh");

        HorizontalLayout tools = new HorizontalLayout(filter, create);
        tools.setWidthFull();
        tools.expand(filter);
        add(new H1(getTranslation("users.heading")), tools, grid);
    }

    private void openEdit(AccountSummary account) {
        Dialog dialog = new Dialog(getTranslation("users.edit", account.username()));
        CheckboxGroup<Role> roles = roleBox();
        roles.setValue(account.roles());
        Select<AccountStatus> status = new Select<>();
        status.setLabel(getTranslation("users.status"));
        status.setItems(AccountStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("status." + s.name()));
        status.setValue(account.status());
        Button unlock = new Button(getTranslation("users.unlock"), e -> {
            accounts.unlock(account.id());
            Notification.show(getTranslation("users.unlocked"));
        });
        unlock.setEnabled(account.lockedUntil() != null);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                accounts.setRoles(account.id(), roles.getValue());
                if (status.getValue() != account.status()) {
                    accounts.setStatus(account.id(), status.getValue());
                }
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (KaimenException ex) {
                error(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(roles, status));
        dialog.getFooter().add(unlock, new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openCreate() {
        Dialog dialog = new Dialog(getTranslation("users.create"));
        TextField username = new TextField(getTranslation("users.username"));
        TextField name = new TextField(getTranslation("users.name"));
        EmailField email = new EmailField(getTranslation("users.email"));
        PasswordField password = new PasswordField(getTranslation("register.password"));
        CheckboxGroup<Role> roles = roleBox();
        roles.setValue(EnumSet.of(Role.DRAFTER));
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                accounts.createAccount(username.getValue(), email.getValue().isBlank() ? null : email.getValue(),
                        name.getValue(), password.getValue(), roles.getValue());
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (KaimenException ex) {
                error(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(username, name, email, password, roles));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private CheckboxGroup<Role> roleBox() {
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("users.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        return roles;
    }

    private void error(KaimenException ex) {
        Notification n = Notification.show(getTranslation(ex.messageKey(), ex.args()));
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.heading");
    }
}
