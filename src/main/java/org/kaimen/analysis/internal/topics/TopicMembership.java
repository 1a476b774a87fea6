package org.kaimen.analysis.internal.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which topic clusters comments belong to, as the index stores them (whole draft first, then the article). */
@Component
public class TopicMembership {

    private final JdbcClient jdbc;

    TopicMembership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> of(long commentId) {
        return of(List.of(commentId)).getOrDefault(commentId, List.of());
    }

    public Map<Long, List<Long>> of(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Long>> out = new HashMap<>();
        jdbc.sql("""
                        SELECT m.comment_id, m.cluster_id FROM topic_member m JOIN topic_cluster c ON c.id = m.cluster_id
                        WHERE m.comment_id = ANY (CAST(:ids AS BIGINT[]))
                        ORDER BY m.comment_id, c.scope = 'draft' DESC, c.id""")
                .param("ids", org.kaimen.shared.infra.SqlArrays.bigints(commentIds))
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return out;
    }
}
