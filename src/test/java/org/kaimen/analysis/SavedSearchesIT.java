package org.kaimen.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.shared.web.KaimenException;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class SavedSearchesIT {

    @Autowired
    SavedSearches saved;
    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aClerkSavesASearchWithAllItsFiltersAndOnlySheSeesIt() {
        String clerk = accounts.create(Role.DRAFTER);
        String other = accounts.create(Role.DRAFTER);
        CommentSearch search = new CommentSearch(7, "物业费", null, "a12", "OPPOSE", "ONLINE", "PUBLISHED",
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), true, null, null, "SUPPORTS", 0, 20, true);
        as(clerk);
        long id = saved.save("物业费 反对", search);
        assertThat(saved.mine()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.search()).isEqualTo(search);
        });
        saved.save("物业费 反对", search.withSemantic(false));
        assertThat(saved.mine()).singleElement().satisfies(s -> assertThat(s.search().semantic()).isFalse());

        as(other);
        assertThat(saved.mine()).isEmpty();
        saved.delete(id);
        as(clerk);
        assertThat(saved.mine()).as("others cannot delete it").hasSize(1);
        assertThatThrownBy(() -> saved.save(" ", search)).isInstanceOf(KaimenException.class)
                .hasMessage("search.error.name");
    }

    private static void as(String user) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                AuthorityUtils.createAuthorityList("ROLE_DRAFTER")));
    }
}
