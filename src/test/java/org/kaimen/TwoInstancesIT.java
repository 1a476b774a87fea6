package org.kaimen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.Campaign;
import org.kaimen.analysis.CampaignService;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.SearchService;
import org.kaimen.analysis.TopicService;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Two app instances on loopback against the same PostgreSQL and Elasticsearch, as behind a sticky load balancer:
 * this test's context is one, a second is started beside it.
 */
@IntegrationTest
class TwoInstancesIT {

    static ConfigurableApplicationContext second;
    /**
     * The second application installs its own (Vaadin-aware) security-context strategy statically; the shared test
     * context keeps reading the first, so it is put back for the test classes that run after this one.
     */
    static SecurityContextHolderStrategy ownStrategy;

    @Autowired
    Environment env;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    CampaignService campaigns;
    @Autowired
    TopicService topics;
    @Autowired
    SearchService search;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void noSecondYet() {
        second = null;
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
            SecurityContextHolder.setContextHolderStrategy(ownStrategy);
        }
    }

    ConfigurableApplicationContext second() {
        if (second == null) {
            ownStrategy = SecurityContextHolder.getContextHolderStrategy();
            second = new SpringApplicationBuilder(App.class).profiles("test").properties(Map.of(
                    "server.port", "0",
                    "spring.datasource.url", env.getRequiredProperty("spring.datasource.url"),
                    "spring.elasticsearch.uris", env.getRequiredProperty("spring.elasticsearch.uris"),
                    "spring.mail.host", env.getRequiredProperty("spring.mail.host"),
                    "spring.mail.port", env.getRequiredProperty("spring.mail.port"),
                    "spring.jmx.enabled", "false")).run();
        }
        return second;
    }

    @Test
    void copiesOfALetterTakenInByDifferentInstancesEndUpInOneCampaignOnBothAndInTheIndex() {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = asClerk(clerk, () -> drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)),
                "两个实例", true).id());
        CommentService[] services = {comments, second().getBean(CommentService.class)};
        String letter = "坚决反对物业公司擅自提高物业费，涨价必须经业主大会表决同意，并公开近三年的收支账目，接受全体业主监督。";
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CommentService via = services[i % 2];
            String text = letter + (i == 0 ? "" : "（第" + (i + 1) + "封）");
            ids.add(asClerk(clerk, () -> via.submit(new NewComment(draftId, null, Stance.OPPOSE, text, null, null,
                    null, Channel.LETTER, null, null, false, null, null, null, null, true)).id()));
        }
        CampaignService secondCampaigns = second().getBean(CampaignService.class);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(asClerk(clerk, () -> campaigns.campaigns(draftId))).extracting(Campaign::commentIds)
                    .containsExactly(ids);
            assertThat(asClerk(clerk, () -> secondCampaigns.campaigns(draftId))).extracting(Campaign::commentIds)
                    .containsExactly(ids);
            long campaignId = ids.get(0);
            assertThat(asClerk(clerk, () -> search.search(new CommentSearch(draftId, null, null, null, null, null,
                    null, null, null, null, campaignId, null, null, 0, 20))).total()).isEqualTo(4);
        });
    }

    @Test
    void aDraftsTopicsAreRecomputedByOneInstanceWhenBothAskAtOnce() throws Exception {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = asClerk(clerk, () -> drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)),
                "同时重算", true).id());
        CommentService[] services = {comments, second().getBean(CommentService.class)};
        String[] texts = {"物业费应当公开收支", "电梯维修资金使用要透明", "业主委员会选举程序", "停车位优先出租给业主",
                "物业公司退出交接办法", "垃圾分类责任主体"};
        for (int i = 0; i < 12; i++) {
            CommentService via = services[i % 2];
            String text = texts[i % texts.length] + "，建议细化第" + (i + 3) + "项规定。";
            asClerk(clerk, () -> via.submit(new NewComment(draftId, null, Stance.MODIFY, text, null, null, null,
                    Channel.LETTER, null, null, false, null, null, null, null, true)).id());
        }
        TopicService secondTopics = second().getBean(TopicService.class);
        // Both instances have indexed comments of the draft, so both hold it as changed.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() == 0);

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> awaitThen(start, topics::recomputeChanged));
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> awaitThen(start, secondTopics::recomputeChanged));
        start.countDown();
        CompletableFuture.allOf(first, other).get();

        assertThat(jdbc.sql("SELECT runs FROM topic_run WHERE draft_id = ? AND scope = 'draft'").param(draftId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    private static void awaitThen(CountDownLatch latch, Runnable action) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        action.run();
    }

    /**
     * Vaadin installs its own security-context strategy per application context, so the clerk is signed in on both
     * instances' strategies, as each would be on its own request thread.
     */
    private <T> T asClerk(String clerk, java.util.function.Supplier<T> action) {
        List<SecurityContextHolderStrategy> strategies = new ArrayList<>();
        strategies.add(context.getBean(SecurityContextHolderStrategy.class));
        if (second != null) {
            strategies.add(second.getBean(SecurityContextHolderStrategy.class));
        }
        var auth = new UsernamePasswordAuthenticationToken(clerk, null,
                AuthorityUtils.createAuthorityList("ROLE_DRAFTER"));
        strategies.forEach(s -> s.setContext(new SecurityContextImpl(auth)));
        try {
            return action.get();
        } finally {
            strategies.forEach(SecurityContextHolderStrategy::clearContext);
        }
    }
}
