package org.kaimen.drafts;

import java.util.List;

public record ImportResult(long id, String title, int version, DraftCounts counts, List<ImportAnomaly> anomalies) {
}
