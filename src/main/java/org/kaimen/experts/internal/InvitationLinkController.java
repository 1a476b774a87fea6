package org.kaimen.experts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.kaimen.accounts.LinkSignIn;
import org.kaimen.accounts.Role;
import org.kaimen.experts.ConsultationService;
import org.kaimen.experts.ConsultationService.Answer;
import org.kaimen.experts.ConsultationService.LinkView;
import org.kaimen.experts.InvitationStatus;
import org.kaimen.experts.LinkOutcome;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages behind the links in invitation mails: plain HTML that works in any mail client's browser. Following a
 * link only shows a form (mail scanners fetch links); the answer is the form's POST. A used, expired or forged link
 * gets a page that says which, with 410 Gone or 400.
 */
@Controller
class InvitationLinkController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConsultationService consultations;
    private final LinkSignIn signIn;
    private final MessageSource messages;
    private final java.time.ZoneId zone;

    InvitationLinkController(ConsultationService consultations, LinkSignIn signIn, MessageSource messages,
                             @org.springframework.beans.factory.annotation.Value("${kaimen.time-zone}") String zone) {
        this.zone = java.time.ZoneId.of(zone);
        this.consultations = consultations;
        this.signIn = signIn;
        this.messages = messages;
    }

    @GetMapping("/expert/invitation")
    ResponseEntity<String> show(@RequestParam(name = "token", required = false) String token,
                                HttpServletRequest request, HttpServletResponse response) {
        LinkView view = consultations.view(token);
        if (view.outcome() != LinkOutcome.DONE) {
            return refused(view.outcome());
        }
        if ("portal".equals(view.action())) {
            Answer a = consultations.portal(token);
            signIn.signIn(a.accountId(), Role.EXPERT, request, response);
            return redirect("/expert/portal");
        }
        String csrf = csrf(request);
        String intro = t("experts.link.intro", view.invitation().expertName(), view.consultation().title(),
                view.consultation().draftTitle(),
                WHEN.format(view.invitation().expiresAt().atZoneSameInstant(zone)));
        StringBuilder form = new StringBuilder();
        if ("accept".equals(view.action())) {
            form.append("<form method='post' action='/expert/invitation/accept'>")
                    .append(hidden("token", token)).append(hidden("_csrf", csrf))
                    .append("<p>").append(e(t("experts.link.declaration"))).append("</p>")
                    .append("<label><input type='radio' name='conflict' value='false' checked> ")
                    .append(e(t("experts.link.no-conflict"))).append("</label><br>")
                    .append("<label><input type='radio' name='conflict' value='true'> ")
                    .append(e(t("experts.link.conflict"))).append("</label><br>")
                    .append("<textarea name='declaration' rows='4' cols='60' maxlength='2000' placeholder='")
                    .append(e(t("experts.link.declaration-text"))).append("'></textarea><br>")
                    .append("<button type='submit' id='accept'>").append(e(t("experts.link.accept")))
                    .append("</button></form>");
        } else {
            form.append("<form method='post' action='/expert/invitation/decline'>")
                    .append(hidden("token", token)).append(hidden("_csrf", csrf))
                    .append("<textarea name='reason' rows='3' cols='60' maxlength='1000' placeholder='")
                    .append(e(t("experts.link.reason"))).append("'></textarea><br>")
                    .append("<button type='submit' id='decline'>").append(e(t("experts.link.decline")))
                    .append("</button></form>");
        }
        return page(HttpStatus.OK, t("experts.link.title"), "<p>" + e(intro) + "</p>" + form);
    }

    @PostMapping("/expert/invitation/accept")
    ResponseEntity<String> accept(@RequestParam(name = "token", required = false) String token,
                                  @RequestParam(name = "conflict", defaultValue = "false") boolean conflict,
                                  @RequestParam(name = "declaration", required = false) String declaration,
                                  HttpServletRequest request, HttpServletResponse response) {
        Answer a = consultations.accept(token, conflict, declaration);
        if (a.outcome() != LinkOutcome.DONE) {
            return refused(a.outcome());
        }
        if (a.status() == InvitationStatus.CONFLICT) {
            return page(HttpStatus.OK, t("experts.link.title"), "<p id='answer'>" + e(t("experts.link.withdrawn"))
                    + "</p>");
        }
        signIn.signIn(a.accountId(), Role.EXPERT, request, response);
        return redirect("/expert/portal");
    }

    @PostMapping("/expert/invitation/decline")
    ResponseEntity<String> decline(@RequestParam(name = "token", required = false) String token,
                                   @RequestParam(name = "reason", required = false) String reason) {
        Answer a = consultations.decline(token, reason);
        if (a.outcome() != LinkOutcome.DONE) {
            return refused(a.outcome());
        }
        return page(HttpStatus.OK, t("experts.link.title"), "<p id='answer'>" + e(t("experts.link.declined"))
                + "</p>");
    }

    private ResponseEntity<String> refused(LinkOutcome outcome) {
        HttpStatus status = outcome == LinkOutcome.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.GONE;
        return page(status, t("experts.link.title"), "<p id='refused' data-outcome='"
                + outcome.name().toLowerCase() + "'>" + e(t("experts.link.refused." + outcome.name().toLowerCase()))
                + "</p>");
    }

    private static ResponseEntity<String> redirect(String to) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", to).build();
    }

    private ResponseEntity<String> page(HttpStatus status, String title, String body) {
        Locale locale = LocaleContextHolder.getLocale();
        String html = "<!DOCTYPE html><html lang='" + e(locale.toLanguageTag()) + "'><head><meta charset='utf-8'>"
                + "<meta name='viewport' content='width=device-width, initial-scale=1'><title>" + e(title)
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;"
                + "padding:0 1rem;line-height:1.6}textarea{width:100%}button{margin-top:.5rem;padding:.4rem 1.2rem}"
                + "</style></head><body><h1>" + e(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML,
                java.nio.charset.StandardCharsets.UTF_8)).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").body(html);
    }

    private static String csrf(HttpServletRequest request) {
        Object token = request.getAttribute(CsrfToken.class.getName());
        return token instanceof CsrfToken t ? t.getToken() : "";
    }

    private static String hidden(String name, String value) {
        return "<input type='hidden' name='" + name + "' value='" + e(value == null ? "" : value) + "'>";
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
