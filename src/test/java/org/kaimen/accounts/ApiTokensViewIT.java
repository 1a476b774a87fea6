package org.kaimen.accounts;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.ui.ApiTokensView;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class ApiTokensViewIT extends KaribuSupport {

    @Autowired
    TestAccounts accounts;
    @LocalServerPort
    int port;

    @Test
    void aCitizenCreatesATokenSeesItOnceUsesItAndRevokesIt() {
        signIn(accounts.create(Role.CITIZEN), Role.CITIZEN);
        UI.getCurrent().navigate("account/tokens");
        _get(ApiTokensView.class);

        _get(TextField.class, spec -> spec.withId("token-name")).setValue("联系点录入");
        _click(_get(Button.class, spec -> spec.withId("token-create")));
        String token = _get(TextField.class, spec -> spec.withId("token-secret")).getValue();
        assertThat(token).startsWith("kmn_");
        @SuppressWarnings("unchecked")
        Grid<ApiTokenInfo> grid = _get(Grid.class, spec -> spec.withId("token-grid"));
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_getFormattedRow(grid, 0)).contains("联系点录入", "…" + token.substring(token.length() - 4))
                .doesNotContain(token);
        Http http = new Http(port);
        assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        _click((Button) _getCellComponent(grid, 0, "actions"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
        assertThat(_getFormattedRow(grid, 0).toString()).contains("撤销");
    }

    @Test
    void aNamelessTokenIsRefusedWithAMessageAndNothingIsCreated() {
        signIn(accounts.create(Role.DRAFTER), Role.DRAFTER);
        UI.getCurrent().navigate("account/tokens");
        _click(_get(Button.class, spec -> spec.withId("token-create")));
        @SuppressWarnings("unchecked")
        Grid<ApiTokenInfo> grid = _get(Grid.class, spec -> spec.withId("token-grid"));
        assertThat(_size(grid)).isZero();
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications()).isNotEmpty();
    }
}
