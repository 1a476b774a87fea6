package org.kaimen.security;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.hearings.HearingService;
import org.kaimen.testsupport.TestHearings;
import org.kaimen.security.AuthorizationMatrixIT.Access;
import org.kaimen.security.AuthorizationMatrixIT.Caller;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every view × every role, anonymous included, through Vaadin's own navigation access control. A view missing from
 * the table fails the test.
 */
class ViewAccessMatrixIT extends KaribuSupport {

    static final Map<String, Access> VIEWS = Map.ofEntries(
            entry("", Access.PUBLIC),
            entry("login", Access.PUBLIC),
            entry("register", Access.PUBLIC),
            entry("forgot-password", Access.PUBLIC),
            entry("reset-password", Access.PUBLIC),
            entry("drafts/:draftId(\\d+)/:key?", Access.PUBLIC),
            entry("drafts/:draftId(\\d+)/versions/:version(\\d+)/diff", Access.PUBLIC),
            entry("drafts/:draftId(\\d+)/report", Access.PUBLIC),
            entry("my-comments", Access.SIGNED_IN),
            entry("account/tokens", Access.SIGNED_IN),
            entry("staff/drafts", Access.STAFF),
            entry("staff/drafts/import", Access.STAFF),
            entry("staff/drafts/:draftId(\\d+)", Access.STAFF),
            entry("staff/drafts/:draftId(\\d+)/offline", Access.STAFF),
            entry("staff/moderation", Access.STAFF),
            entry("staff/search", Access.STAFF),
            entry("staff/topics", Access.STAFF),
            entry("staff/feedback", Access.STAFF),
            entry("admin/users", Access.ADMIN),
            entry("admin/index", Access.ADMIN),
            entry("admin/outbox", Access.ADMIN),
            entry("admin/settings", Access.ADMIN),
            entry("admin/audit", Access.ADMIN),
            entry("admin/mail-templates", Access.ADMIN),
            entry("experts/notice", Access.PUBLIC),
            entry("expert/portal", Access.EXPERT),
            entry("staff/experts", Access.STAFF),
            entry("staff/experts/consultations", Access.STAFF),
            entry("hearings", Access.PUBLIC),
            entry("hearings/:id(\\d+)", Access.PUBLIC),
            entry("hearings/:id(\\d+)/report", Access.PUBLIC),
            entry("hearings/review/:token", Access.PUBLIC),
            entry("staff/hearings", Access.STAFF),
            entry("staff/hearings/:id(\\d+)", Access.STAFF));

    /**
     * Views that show only in a state this test does not build (a published hearing report, a live review link): for
     * them the access annotation is checked instead of a navigation.
     */
    static final java.util.Set<String> STATEFUL = java.util.Set.of("hearings/:id(\\d+)/report",
            "hearings/review/:token");

    @Autowired
    TestAccounts accounts;
    @Autowired
    DraftService drafts;
    @Autowired
    HearingService hearings;
    @Autowired
    java.time.Clock clock;

    @Test
    void everyViewIsInTheTable() {
        assertThat(routes().keySet()).isEqualTo(new TreeSet<>(VIEWS.keySet()));
    }

    @Test
    void everyRoleReachesExactlyTheViewsTheTableGrantsIt() {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            long id = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "权限矩阵", true).id();
            // A second version, so the redline view has something to show.
            drafts.publishVersion(id, DraftSource.text(Regulation.plain(Regulation.BINZHOU).replace("物业", "物业服务")),
                    "修改稿", "测试");
            return id;
        });
        long hearingId = SignedIn.as(clerk, "ROLE_DRAFTER",
                () -> TestHearings.announced(hearings, draftId, "权限矩阵听证会", clock));
        Map<String, Class<? extends Component>> routes = routes();
        List<String> wrong = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            String user = caller == Caller.ANONYMOUS ? null : accounts.create(Role.valueOf(caller.name()));
            for (var route : routes.entrySet()) {
                Access access = VIEWS.get(route.getKey());
                if (access == null) {
                    continue;
                }
                if (STATEFUL.contains(route.getKey())) {
                    assertThat(access).isEqualTo(Access.PUBLIC);
                    assertThat(route.getValue()).hasAnnotation(
                            com.vaadin.flow.server.auth.AnonymousAllowed.class);
                    continue;
                }
                if (user == null) {
                    signOut();
                } else {
                    signIn(user, Role.valueOf(caller.name()));
                }
                String path = route.getKey().replace(":draftId(\\d+)", String.valueOf(draftId))
                        .replace(":id(\\d+)", String.valueOf(hearingId))
                        .replace(":version(\\d+)", "2").replace("/:key?", "");
                UI.getCurrent().navigate(path);
                boolean shown = route.getValue().isInstance(currentView());
                if (shown != access.allowed.contains(caller)) {
                    wrong.add("/" + path + " as " + caller + (shown ? " was shown" : " was refused: "
                            + currentView().getClass().getSimpleName()));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static HasElement currentView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends Component>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<? extends Component>> out = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("org.kaimen")) {
            Class<?> view = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            out.put(view.getAnnotation(Route.class).value(), (Class<? extends Component>) view);
        }
        return out;
    }
}
