package org.kaimen.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kaimen.testsupport.SignedIn.as;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.elasticsearch.CommentIndex;
import org.kaimen.analysis.evaluation.EvaluationSet;
import org.kaimen.analysis.evaluation.LabelledComment;
import org.kaimen.analysis.internal.Embeddings;
import org.kaimen.analysis.internal.campaigns.CampaignDetector;
import org.kaimen.analysis.internal.campaigns.HybridCampaigns;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.IndexableComment;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The vector stage of campaign detection with real services: the mail-merge campaign of the labelled set (copies that
 * swap synonyms, which shingles alone miss) survives a restart through the stored links, and the Elasticsearch kNN
 * path used for large drafts finds the same copies as the in-memory scan.
 */
@IntegrationTest
class CampaignVectorStageIT {

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CommentIndex index;
    @Autowired
    Embeddings embeddings;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    String drafter;
    long draftId;
    Set<Long> mailMerge = new HashSet<>();

    @BeforeEach
    void mailMergeCampaignAndOtherComments() {
        drafter = accounts.create(Role.DRAFTER);
        as(drafter, "ROLE_DRAFTER");
        draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "邮件合并测试", true).id();
        SecurityContextHolder.clearContext();
        int others = 0;
        for (LabelledComment c : EvaluationSet.load()) {
            if ("fee-mail-merge".equals(c.campaign()) && mailMerge.size() < 20) {
                mailMerge.add(submit(c.text()));
            } else if (c.campaign() == null && "物业费定价与调整".equals(c.topic()) && others++ < 20) {
                submit(c.text());
            }
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> staff(() -> campaigns.campaigns(draftId)).stream()
                .anyMatch(c -> new HashSet<>(c.commentIds()).equals(mailMerge)));
    }

    @Test
    void afterARestartTheStoredLinksRebuildTheSameCampaigns() {
        List<Campaign> before = staff(() -> campaigns.campaigns(draftId));
        assertThat(jdbc.sql("SELECT count(*) FROM campaign_link WHERE draft_id = :d").param("d", draftId)
                .query(Long.class).single()).isPositive();
        campaigns.reset();
        List<Campaign> after = staff(() -> campaigns.campaigns(draftId));
        assertThat(after).extracting(Campaign::commentIds).containsExactlyElementsOf(
                before.stream().map(Campaign::commentIds).toList());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM comment_embedding e JOIN comment c ON c.id = e.comment_id
                        WHERE c.draft_id = :d AND NOT e.neighbours_checked""").param("d", draftId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void beyondTheMemoryLimitTheIndexKnnFindsTheSameCopies() {
        List<IndexableComment> all = comments.indexableOfDraft(draftId, 0, 1000);
        // Every vector must be in the index before kNN can see it.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            index.refresh();
            IndexableComment first = all.get(0);
            return index.nearest(draftId, -1, embeddings.forComment(first.id(), first.text()), 0.95, 5)
                    .contains(first.id());
        });
        HybridCampaigns viaIndex = new HybridCampaigns(CampaignDetector.Config.defaults().withMinSize(3), 0.88, 0.30,
                0, campaigns.neighboursFor(draftId));
        for (IndexableComment c : all) {
            viaIndex.add(c.id(), c.text(), c.authorKey(), embeddings.forComment(c.id(), c.text()));
        }
        assertThat(viaIndex.groups()).extracting(g -> Set.copyOf(g.memberIds()))
                .containsExactlyInAnyOrderElementsOf(staff(() -> campaigns.campaigns(draftId)).stream()
                        .map(c -> Set.copyOf(c.commentIds())).toList());
    }

    private <T> T staff(Supplier<T> action) {
        return as(drafter, "ROLE_DRAFTER", action);
    }

    private long submit(String text) {
        as(accounts.create(Role.CITIZEN), "ROLE_CITIZEN");
        try {
            return comments.submit(new NewComment(draftId, null, Stance.OPPOSE, text, null, null, null, null, null,
                    null, false, null, null, null, null, true)).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
