/**
 * Labelled evaluation data and metrics for comment analysis.
 *
 * <p>{@link org.kaimen.analysis.evaluation.EvaluationSet} loads the synthetic, labelled comments on the draft
 * Binzhou residential property regulation; {@link org.kaimen.analysis.evaluation.ClusteringMetrics} scores topic
 * clusters and campaign groups against them. The labelling conventions are documented in
 * {@code src/main/resources/evaluation/README.md}, next to the data.
 */
package org.kaimen.analysis.evaluation;
