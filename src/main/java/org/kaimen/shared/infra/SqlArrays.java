package org.kaimen.shared.infra;

import java.util.Collection;
import java.util.stream.Collectors;

/** PostgreSQL array literals for {@code = ANY (CAST(:ids AS BIGINT[]))}: one parameter instead of thousands. */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static String bigints(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /** Every element quoted and escaped, so commas, quotes and braces in the text stay inside it. */
    public static String texts(Collection<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
