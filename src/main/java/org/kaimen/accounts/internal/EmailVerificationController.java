package org.kaimen.accounts.internal;

import org.kaimen.accounts.AccountService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link in the verification mail is a plain GET that works from any mail client without JavaScript; it lands on
 * the login page, which says how it went.
 */
@Controller
class EmailVerificationController {

    private final AccountService accounts;

    EmailVerificationController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/verify")
    String verify(@RequestParam(name = "token", required = false) String token) {
        return "redirect:/login?verification=" + accounts.verifyEmail(token).name().toLowerCase();
    }
}
