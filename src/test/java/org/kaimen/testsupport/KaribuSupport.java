package org.kaimen.testsupport;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.security.Principal;
import java.util.Arrays;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kaimen.accounts.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Browserless UI tests on the real Spring context: views get their real services, and a signed-in user is carried
 * from Spring Security into Vaadin's access control as the servlet filter would in a running server.
 */
@IntegrationTest
public abstract class KaribuSupport {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.kaimen");

    @Autowired
    protected ApplicationContext ctx;

    @BeforeEach
    protected void setUpVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.INSTANCE.setMockRequestFactory(session -> new FakeRequest(session) {
            @Override
            public Principal getUserPrincipal() {
                return SecurityContextHolder.getContext().getAuthentication();
            }

            @Override
            public boolean isUserInRole(String role) {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                return auth != null && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role) || a.getAuthority().equals(role));
            }
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, ctx, uiFactory));
    }

    @AfterEach
    protected void tearDownVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
    }

    /** Back to an anonymous visitor. */
    protected void signOut() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null
                && VaadinServletRequest.getCurrent().getRequest() instanceof FakeRequest fake) {
            fake.setUserPrincipalInt(null);
        }
    }

    /** Signs in as the given existing user with the given roles, for the rest of the test. */
    protected void signIn(String username, Role... roles) {
        Authentication auth = new UsernamePasswordAuthenticationToken(username, null,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        SecurityContextHolder.getContext().setAuthentication(auth);
        if (VaadinServletRequest.getCurrent() != null
                && VaadinServletRequest.getCurrent().getRequest() instanceof FakeRequest fake) {
            fake.setUserPrincipalInt(auth);
        }
    }
}
