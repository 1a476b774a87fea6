/**
 * Detection of form-letter campaigns among public comments on a draft regulation.
 *
 * <p>{@link org.kaimen.analysis.internal.campaigns.CampaignDetector} groups near-identical comments
 * incrementally; {@link org.kaimen.analysis.internal.campaigns.TemplateDiff} shows what one member
 * adds to its campaign's template; {@link org.kaimen.analysis.internal.campaigns.CampaignEvaluation}
 * scores a grouping against labelled data. JDK only.
 */
package org.kaimen.analysis.internal.campaigns;
