package org.kaimen.analysis.internal.campaigns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The vector-rule links of the campaign detector, and which comments have had their neighbours searched. */
@Component
public class CampaignLinks {

    private final JdbcClient jdbc;

    CampaignLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<long[]> links(long draftId) {
        List<long[]> out = new ArrayList<>();
        jdbc.sql("SELECT a, b FROM campaign_link WHERE draft_id = :d").param("d", draftId)
                .query(rs -> {
                    out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                });
        return out;
    }

    /** Comments of the list whose neighbours were searched for their current vector. */
    public Set<Long> checked(List<Long> ids) {
        Set<Long> out = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 5000) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + 5000));
            out.addAll(jdbc.sql("""
                            SELECT comment_id FROM comment_embedding
                            WHERE neighbours_checked AND comment_id = ANY (CAST(:ids AS BIGINT[]))""")
                    .param("ids", org.kaimen.shared.infra.SqlArrays.bigints(batch)).query(Long.class).list());
        }
        return out;
    }

    /** Stores a comment's links and marks its neighbours as searched (idempotent). */
    public void save(long draftId, long id, List<Long> partners) {
        if (!partners.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO campaign_link (draft_id, a, b)
                            SELECT :d, :id, unnest(CAST(:ids AS BIGINT[])) ON CONFLICT DO NOTHING""")
                    .param("d", draftId).param("id", id).param("ids", org.kaimen.shared.infra.SqlArrays.bigints(partners)).update();
        }
        jdbc.sql("UPDATE comment_embedding SET neighbours_checked = TRUE WHERE comment_id = :id").param("id", id)
                .update();
    }
}
