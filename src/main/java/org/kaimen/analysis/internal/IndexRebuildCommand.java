package org.kaimen.analysis.internal;

import java.time.Duration;
import java.time.Instant;
import org.kaimen.analysis.IndexAdmin;
import org.kaimen.analysis.elasticsearch.CommentIndexSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line rebuild: {@code java -jar kaimen.jar --kaimen.index.rebuild-and-exit=true} rebuilds the comment
 * index from PostgreSQL, swaps the alias and exits (0 on success).
 */
@Component
@ConditionalOnProperty(name = "kaimen.index.rebuild-and-exit", havingValue = "true")
class IndexRebuildCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuildCommand.class);
    private final IndexAdmin admin;
    private final CommentIndexSetup setup;
    private final ConfigurableApplicationContext context;

    IndexRebuildCommand(IndexAdmin admin, CommentIndexSetup setup, ConfigurableApplicationContext context) {
        this.admin = admin;
        this.setup = setup;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!setup.ensureIndex() && Instant.now().isBefore(deadline)) {
            sleep();
        }
        int code;
        try {
            long n = admin.rebuild();
            log.info("Index rebuilt with {} comments", n);
            code = 0;
        } catch (RuntimeException e) {
            log.error("Index rebuild failed: {}", e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
