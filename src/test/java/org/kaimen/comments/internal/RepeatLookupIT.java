package org.kaimen.comments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaimen.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The repeat check runs on every submission. An author who sends a lot in ten minutes (a liaison station, an
 * organisation's token) must not make it read all of that author's recent comments: in the load benchmark that was
 * the most expensive statement, and it grew through the run.
 */
@IntegrationTest
class RepeatLookupIT {

    private static final long DRAFT = 987_654_321L;
    private static final long ACCOUNT = 876_543_210L;
    private static final String EMAIL = "Busy.Station@example.org";

    @Autowired
    CommentRepository comments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;
    @Autowired
    ObjectMapper json;

    @Test
    void aBusyAuthorsRepeatIsFoundByAccountAndByAddressWithoutReadingTheirOtherComments() {
        tx.executeWithoutResult(status -> {
            // Rolled back at the end, so no other test and no background job ever sees these rows.
            status.setRollbackOnly();
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            jdbc.sql("""
                            INSERT INTO comment (draft_id, version_number, stance, text, text_public, channel, account_id,
                                                 author_email, receipt, status, created_at, updated_at)
                            SELECT :draft, 1, 'MODIFY', '第' || i || '条意见：物业费应当公示', '第' || i || '条意见：物业费应当公示',
                                   'ONLINE', CASE WHEN i % 2 = 0 THEN :account END, :email, 'RPT' || i || '-' || :run,
                                   'PUBLISHED', :now - make_interval(secs => i), :now
                            FROM generate_series(1, 400) AS i""")
                    .param("draft", DRAFT).param("account", ACCOUNT).param("email", EMAIL).param("now", now)
                    .param("run", Long.toString(System.nanoTime(), 36)).update();
            OffsetDateTime since = now.minusMinutes(10);

            assertThat(comments.sameTextRecently(DRAFT, ACCOUNT, null, "第2条意见：物业费应当公示", since))
                    .as("by account").isTrue();
            assertThat(comments.sameTextRecently(DRAFT, null, "busy.station@EXAMPLE.org", "第3条意见：物业费应当公示", since))
                    .as("by address, whatever its case").isTrue();
            assertThat(comments.sameTextRecently(DRAFT, ACCOUNT, EMAIL, "一条新的意见", since)).isFalse();
            assertThat(comments.sameTextRecently(DRAFT + 1, ACCOUNT, EMAIL, "第2条意见：物业费应当公示", since))
                    .as("another draft").isFalse();
            assertThat(comments.sameTextRecently(DRAFT, ACCOUNT, EMAIL, "第2条意见：物业费应当公示", now.plusSeconds(1)))
                    .as("outside the window").isFalse();

            List<JsonNode> scans = scans(plan("一条新的意见", since));
            assertThat(scans).as("both halves of the check ran").hasSize(2);
            for (JsonNode scan : scans) {
                assertThat(scan.path("Node Type").asText()).as("%s", scan).isNotEqualTo("Seq Scan");
                long read = scan.path("Actual Rows").asLong() + scan.path("Rows Removed by Filter").asLong()
                        + scan.path("Rows Removed by Index Recheck").asLong();
                assertThat(read).as("rows read by %s on %s", scan.path("Node Type").asText(),
                        scan.path("Index Name").asText()).isZero();
            }
        });
    }

    private JsonNode plan(String text, OffsetDateTime since) {
        String explained = jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + CommentRepository.SAME_TEXT_RECENTLY)
                .param("draft", DRAFT).param("text", text).param("since", since).param("account", ACCOUNT)
                .param("email", EMAIL).query(String.class).single();
        try {
            return json.readTree(explained).get(0).get("Plan");
        } catch (Exception e) {
            throw new IllegalStateException(explained, e);
        }
    }

    /** The plan's nodes that read the comment table, whether through an index or not. */
    private static List<JsonNode> scans(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        if ("comment".equals(node.path("Relation Name").asText())) {
            found.add(node);
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> found.addAll(scans(child)));
        }
        return found;
    }
}
