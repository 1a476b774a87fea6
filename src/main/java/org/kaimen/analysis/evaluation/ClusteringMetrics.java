package org.kaimen.analysis.evaluation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * External clustering metrics for scoring topic clusters and campaign groups against the labelled set.
 *
 * <p>All metrics range over the ids present in {@code truth}; ids the prediction does not mention, and
 * {@code null} labels on either side, count as singleton clusters. Predicted ids absent from the truth are
 * ignored, so a prediction made on a superset of the comments can be scored directly.
 */
public final class ClusteringMetrics {

    private ClusteringMetrics() {
    }

    /**
     * Adjusted Rand index (Hubert and Arabie), with scikit-learn's convention of 1.0 for the degenerate cases
     * where both labellings are a single cluster or both are all singletons.
     */
    public static double adjustedRandIndex(Map<Long, String> truth, Map<Long, String> predicted) {
        Contingency c = Contingency.of(truth, predicted);
        double together = c.pairsInCells();
        double falsePositive = c.pairsInColumns() - together;
        double falseNegative = c.pairsInRows() - together;
        double apart = pairs(c.n) - together - falsePositive - falseNegative;
        if (falseNegative == 0 && falsePositive == 0) {
            return 1.0;
        }
        // Pair-confusion form; algebraically equal to (index - expected) / (max - expected) but free of the
        // division by C(n, 2) that loses precision on large sets.
        return 2.0 * (together * apart - falseNegative * falsePositive)
                / ((together + falseNegative) * (falseNegative + apart)
                + (together + falsePositive) * (falsePositive + apart));
    }

    /** Normalised mutual information with arithmetic-mean normalisation, scikit-learn's default. */
    public static double normalizedMutualInformation(Map<Long, String> truth, Map<Long, String> predicted) {
        Contingency c = Contingency.of(truth, predicted);
        if (c.rows.length == c.columns.length && c.rows.length <= 1) {
            // Neither labelling splits the data: they agree perfectly.
            return 1.0;
        }
        double n = c.n;
        double mutualInformation = 0;
        for (Map.Entry<Long, Integer> cell : c.cells.entrySet()) {
            int row = (int) (cell.getKey() >>> 32);
            int column = (int) (long) cell.getKey();
            double count = cell.getValue();
            mutualInformation += count / n * Math.log(n * count / ((double) c.rows[row] * c.columns[column]));
        }
        if (mutualInformation <= 0) {
            // Rounding can leave a tiny negative value; independent labellings share no information.
            return 0.0;
        }
        double normaliser = (entropy(c.rows, n) + entropy(c.columns, n)) / 2;
        return mutualInformation / normaliser;
    }

    /**
     * Pair-counting precision, recall and F1, the natural score for campaign detection: a campaign is a set
     * of comments that should be linked, and {@code null} means "not part of any campaign".
     */
    public static PairwiseScores pairwise(Map<Long, String> truth, Map<Long, String> predicted) {
        Contingency c = Contingency.of(truth, predicted);
        return PairwiseScores.of((long) c.pairsInCells(), (long) c.pairsInRows(), (long) c.pairsInColumns());
    }

    /** The trivial baseline: every comment filed against the same article forms one cluster. */
    public static Map<Long, String> oneClusterPerArticle(List<LabelledComment> comments) {
        Map<Long, String> clusters = new LinkedHashMap<>();
        for (LabelledComment comment : comments) {
            clusters.put(comment.id(), "article-" + comment.article());
        }
        return clusters;
    }

    private static double entropy(int[] sizes, double n) {
        double h = 0;
        for (int size : sizes) {
            if (size > 0) {
                double p = size / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static double pairs(long k) {
        return k * (k - 1) / 2.0;
    }

    /** Sparse contingency table of true rows against predicted columns. */
    private static final class Contingency {
        final int n;
        final int[] rows;
        final int[] columns;
        /** Cell counts keyed by {@code row << 32 | column}; sparse because most cells are empty. */
        final Map<Long, Integer> cells;

        private Contingency(int n, int[] rows, int[] columns, Map<Long, Integer> cells) {
            this.n = n;
            this.rows = rows;
            this.columns = columns;
            this.cells = cells;
        }

        static Contingency of(Map<Long, String> truth, Map<Long, String> predicted) {
            Interner rowIds = new Interner();
            Interner columnIds = new Interner();
            Map<Long, Integer> cells = new HashMap<>();
            for (Map.Entry<Long, String> entry : truth.entrySet()) {
                int row = rowIds.id(entry.getValue());
                int column = columnIds.id(predicted.get(entry.getKey()));
                cells.merge(((long) row << 32) | column, 1, Integer::sum);
            }
            int[] rows = new int[rowIds.size()];
            int[] columns = new int[columnIds.size()];
            cells.forEach((key, count) -> {
                rows[(int) (key >>> 32)] += count;
                columns[(int) (long) key] += count;
            });
            return new Contingency(truth.size(), rows, columns, cells);
        }

        double pairsInCells() {
            double sum = 0;
            for (int count : cells.values()) {
                sum += pairs(count);
            }
            return sum;
        }

        double pairsInRows() {
            return sumOfPairs(rows);
        }

        double pairsInColumns() {
            return sumOfPairs(columns);
        }

        private static double sumOfPairs(int[] sizes) {
            double sum = 0;
            for (int size : sizes) {
                sum += pairs(size);
            }
            return sum;
        }
    }

    /** Dense ids for labels, with a fresh id for every null so that unlabelled items stay singletons. */
    private static final class Interner {
        private final Map<String, Integer> ids = new HashMap<>();
        private int next;

        int id(String label) {
            if (label == null) {
                return next++;
            }
            return ids.computeIfAbsent(label, l -> next++);
        }

        int size() {
            return next;
        }
    }
}
