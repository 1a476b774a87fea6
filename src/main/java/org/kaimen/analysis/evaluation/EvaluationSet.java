package org.kaimen.analysis.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Access to the labelled Binzhou comment set shipped on the classpath. */
public final class EvaluationSet {

    /** Classpath location of the JSONL artefact. */
    public static final String RESOURCE = "/evaluation/binzhou-comments.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EvaluationSet() {
    }

    /** Reads the whole set from the classpath, in file order. */
    public static List<LabelledComment> load() {
        try (InputStream in = EvaluationSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("evaluation set not on the classpath: " + RESOURCE);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSONL, one comment per line; blank lines are tolerated so hand edits don't break loading. */
    public static List<LabelledComment> read(Reader reader) throws IOException {
        List<LabelledComment> comments = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int lineNumber = 0;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                comments.add(MAPPER.readValue(line, LabelledComment.class));
            } catch (IOException e) {
                throw new IOException("malformed evaluation record on line " + lineNumber, e);
            }
        }
        return Collections.unmodifiableList(comments);
    }

    /** Topic label per comment id, the ground truth for topic clustering. */
    public static Map<Long, String> topicLabels(List<LabelledComment> comments) {
        Map<Long, String> labels = new LinkedHashMap<>();
        comments.forEach(c -> labels.put(c.id(), c.topic()));
        return labels;
    }

    /**
     * Campaign label per comment id; {@code null} values mark individually written comments. Repeat groups
     * are included because a duplicate detector is expected to find them too; filter on
     * {@link LabelledComment#inCampaign()} to score form letters alone.
     */
    public static Map<Long, String> campaignLabels(List<LabelledComment> comments) {
        Map<Long, String> labels = new LinkedHashMap<>();
        comments.forEach(c -> labels.put(c.id(), c.campaign()));
        return labels;
    }
}
