package org.kaimen.accounts.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.kaimen.accounts.AccountService;
import org.kaimen.accounts.AccountStatus;
import org.kaimen.accounts.AccountSummary;
import org.kaimen.accounts.Role;
import org.kaimen.shared.web.KaimenException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
class AccountsApi {

    record Me(String username, String displayName, Set<Role> roles) {
    }

    record AccountJson(long id, String username, String displayName, String email, AccountStatus status,
                       Set<Role> roles) {
        static AccountJson of(AccountSummary a) {
            return new AccountJson(a.id(), a.username(), a.displayName(), a.email(), a.status(), a.roles());
        }
    }

    private final AccountService accounts;

    AccountsApi(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/me")
    @Operation(summary = "The account behind the credentials")
    Me me() {
        AccountSummary a = accounts.current()
                .orElseThrow(() -> new KaimenException(HttpStatus.UNAUTHORIZED, "problem.unauthorized"));
        return new Me(a.username(), a.displayName(), a.roles());
    }

    @GetMapping("/me/personal-data")
    @Operation(summary = "Everything Kaimen holds about the caller, as JSON (个人信息保护法 第四十五条)")
    java.util.Map<String, Object> personalData() {
        return accounts.exportMyData();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/me")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes the caller's account and personal data now (个人信息保护法 第四十七条); "
            + "comments stay in the record without a name")
    void erase() {
        accounts.eraseMe();
    }

    record TokenRequest(String name, Integer days) {
    }

    @GetMapping("/me/tokens")
    @Operation(summary = "The caller's personal API tokens (never the secrets)")
    List<org.kaimen.accounts.ApiTokenInfo> tokens() {
        return accounts.apiTokens();
    }

    @org.springframework.web.bind.annotation.PostMapping("/me/tokens")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a personal API token, shown once; send it as `Authorization: Bearer <token>`",
            description = "Needs a password sign-in (a token cannot create tokens). `days` defaults to 90, at most 366.")
    org.kaimen.accounts.NewApiToken createToken(@org.springframework.web.bind.annotation.RequestBody TokenRequest body) {
        return accounts.createApiToken(body == null ? null : body.name(),
                body == null || body.days() == null ? 90 : body.days());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/me/tokens/{id}")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revokes one of the caller's API tokens")
    void revokeToken(@org.springframework.web.bind.annotation.PathVariable long id) {
        accounts.revokeApiToken(id);
    }

    @GetMapping("/admin/accounts")
    @Operation(summary = "Accounts, for administrators")
    List<AccountJson> accounts(@RequestParam(defaultValue = "") String q,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        int limit = Math.min(Math.max(size, 1), 200);
        return accounts.search(q, limit, Math.max(page, 0) * limit).stream().map(AccountJson::of).toList();
    }
}
