package org.kaimen.drafts;

import java.util.List;

/** What an import would create, shown to the drafter before anything is stored. */
public record ImportPreview(String title, List<String> preamble, DraftCounts counts, List<ImportAnomaly> anomalies,
                            List<Provision> tree, boolean isDraft) {
}
