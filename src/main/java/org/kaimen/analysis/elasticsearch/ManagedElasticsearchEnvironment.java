package org.kaimen.analysis.elasticsearch;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before any bean exists, whether this run uses an external cluster or starts a managed node; in the
 * latter case it points {@code spring.elasticsearch.uris} at the node's loopback port so that the client, the
 * health indicator and the index setup all see the same address.
 */
public class ManagedElasticsearchEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String ACTIVE = "kaimen.elasticsearch.managed.active";
    static final String PORT = "kaimen.elasticsearch.managed.http-port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        boolean enabled = env.getProperty("kaimen.elasticsearch.managed.enabled", Boolean.class, false);
        if (!enabled || StringUtils.hasText(env.getProperty("spring.elasticsearch.uris"))) {
            return;
        }
        int port = env.getProperty("kaimen.elasticsearch.managed.port", Integer.class, 0);
        if (port == 0) {
            port = freePort();
        }
        env.getPropertySources().addFirst(new MapPropertySource("kaimenManagedElasticsearch", Map.of(
                "spring.elasticsearch.uris", "http://127.0.0.1:" + port,
                ACTIVE, "true",
                PORT, String.valueOf(port))));
    }

    @Override
    public int getOrder() {
        // After application.yml and profiles are loaded, so that their settings count.
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port for Elasticsearch", e);
        }
    }
}
