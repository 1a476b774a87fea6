package org.kaimen.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.kaimen.shared.web.KaimenException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** A clerk's named searches, so the questions they ask every morning are one click away. */
@Service
public class SavedSearches {

    public record Saved(long id, String name, CommentSearch search) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public SavedSearches(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Saves (or replaces, by name) a search for the signed-in clerk. */
    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public long save(String name, CommentSearch search) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "search.error.name");
        }
        try {
            String params = json.writeValueAsString(search);
            return jdbc.sql("""
                            INSERT INTO saved_search (owner, name, draft_id, params, created_at)
                            VALUES (:owner, :name, :draft, :params, :now)
                            ON CONFLICT (owner, name) DO UPDATE SET draft_id = :draft, params = :params
                            RETURNING id""")
                    .param("owner", owner()).param("name", name.strip()).param("draft", search.draftId())
                    .param("params", params).param("now", OffsetDateTime.now(clock))
                    .query(Long.class).single();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public List<Saved> mine() {
        return jdbc.sql("SELECT id, name, params FROM saved_search WHERE owner = :owner ORDER BY name")
                .param("owner", owner())
                .query((rs, i) -> new Saved(rs.getLong("id"), rs.getString("name"), read(rs.getString("params"))))
                .list();
    }

    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public void delete(long id) {
        jdbc.sql("DELETE FROM saved_search WHERE id = :id AND owner = :owner").param("id", id)
                .param("owner", owner()).update();
    }

    private CommentSearch read(String params) {
        try {
            return json.readValue(params, CommentSearch.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String owner() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
