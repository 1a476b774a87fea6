package org.kaimen.analysis.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the managed node (dev) when no external cluster is configured, and stops it with the application. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = ManagedElasticsearchEnvironment.ACTIVE, havingValue = "true")
class ManagedElasticsearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ManagedElasticsearchConfiguration.class);

    @Bean(destroyMethod = "stop")
    ManagedElasticsearchNode managedElasticsearchNode(
            @Value("${kaimen.elasticsearch.managed.distribution:target/elasticsearch/elasticsearch-8.19.21}") Path dist,
            @Value("${kaimen.elasticsearch.managed.work-dir:var/elasticsearch}") Path workDir,
            @Value("${" + ManagedElasticsearchEnvironment.PORT + "}") int port,
            @Value("${kaimen.elasticsearch.managed.heap:512m}") String heap,
            @Value("${kaimen.elasticsearch.managed.start-timeout:180s}") Duration timeout) {
        Path dir = reachableWorkDir(workDir.toAbsolutePath().normalize());
        ManagedElasticsearchNode node = new ManagedElasticsearchNode(
                new ManagedElasticsearchNode.Settings(dist, dir, port, heap, "kaimen-dev", timeout));
        log.info("Starting a managed Elasticsearch node from {} (first start takes about 20 s)", dist);
        node.start();
        return node;
    }

    /**
     * As root the node runs as an unprivileged user, which cannot reach a checkout inside a private folder such as
     * /root; then its data lives under /var/tmp instead, still kept between runs.
     */
    private static Path reachableWorkDir(Path preferred) {
        if (!ManagedElasticsearchNode.runningAsRoot() || traversableByOthers(preferred.getParent())) {
            return preferred;
        }
        Path fallback = Path.of("/var/tmp/kaimen-elasticsearch", Integer.toHexString(preferred.toString().hashCode()));
        log.info("{} is not reachable by the user {}; the node keeps its data in {}", preferred,
                ManagedElasticsearchNode.SYSTEM_USER, fallback);
        return fallback;
    }

    private static boolean traversableByOthers(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p)
                        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (java.io.IOException e) {
                return false;
            }
        }
        return true;
    }
}
