package org.kaimen.analysis.elasticsearch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Index names are {@code <prefix>-<name>}, so several installations (or test runs) can share one cluster. */
@ConfigurationProperties("kaimen.elasticsearch")
public record IndexProperties(String indexPrefix, int shards, int replicas) {

    public String alias(String name) {
        return indexPrefix + "-" + name;
    }
}
