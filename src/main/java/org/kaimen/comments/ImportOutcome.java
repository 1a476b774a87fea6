package org.kaimen.comments;

import java.util.List;

/**
 * The result of a bulk import of offline comments. With problems and without the clerk's go-ahead nothing is imported
 * ({@code imported} 0); with it, the valid rows are.
 *
 * @param problems one per cell that failed a check, with the spreadsheet row as the clerk sees it (header = 1)
 */
public record ImportOutcome(int totalRows, int validRows, int imported, int alreadyImported, List<Problem> problems,
                            List<String> warnings) {

    public record Problem(int row, String column, String message, String value) {
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
