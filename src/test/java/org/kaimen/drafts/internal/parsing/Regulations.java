package org.kaimen.drafts.internal.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real regulation texts under src/test/resources/regulations. */
final class Regulations {

    static final String NATIONAL = "guowuyuan_wuye_tiaoli_2018.md";
    static final String BINZHOU = "binzhou_zhuzhai_wuye_tiaoli_2019.md";

    /** Counted independently with grep/awk/python over the source files. */
    static final Counts NATIONAL_COUNTS = new Counts(0, 7, 0, 67, 108, 35, 0);
    static final Counts BINZHOU_COUNTS = new Counts(0, 9, 0, 59, 103, 74, 0);

    private Regulations() {
    }

    static String read(String name) {
        try (InputStream in = Regulations.class.getResourceAsStream("/regulations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
