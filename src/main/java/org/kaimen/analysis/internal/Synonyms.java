package org.kaimen.analysis.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators' synonym groups (业委会 = 业主委员会). The server has no synonym filter, so queries are expanded here:
 * a query containing one term is also searched with every other term of its group.
 */
@Component
public class Synonyms {

    private static final int MAX_VARIANTS = 8;
    private final JdbcClient jdbc;
    private volatile List<List<String>> groups = List.of();

    Synonyms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void reload() {
        groups = jdbc.sql("SELECT terms FROM search_synonym ORDER BY id").query(String.class).list().stream()
                .map(Synonyms::parse).filter(g -> g.size() > 1).toList();
    }

    public List<String> lines() {
        return groups.stream().map(g -> String.join(",", g)).toList();
    }

    @Transactional
    public void replace(List<String> lines) {
        jdbc.sql("DELETE FROM search_synonym").update();
        for (String line : lines) {
            List<String> g = parse(line);
            if (g.size() > 1) {
                jdbc.sql("INSERT INTO search_synonym (terms) VALUES (:t) ON CONFLICT DO NOTHING")
                        .param("t", String.join(",", g)).update();
            }
        }
        reload();
    }

    /** The query itself first, then its variants with each known term replaced by the others of its group. */
    public List<String> expand(String query) {
        Set<String> out = new LinkedHashSet<>();
        out.add(query);
        for (List<String> group : groups) {
            for (String term : group) {
                if (query.contains(term)) {
                    for (String other : group) {
                        if (!other.equals(term) && out.size() < MAX_VARIANTS) {
                            out.add(query.replace(term, other));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    static List<String> parse(String line) {
        return Arrays.stream(line.split("[,，=、\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
    }
}
