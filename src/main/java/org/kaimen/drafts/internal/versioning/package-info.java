/**
 * Comparing versions of a draft regulation so that citizens' comments survive redrafting.
 *
 * <ul>
 *   <li>{@link org.kaimen.drafts.internal.versioning.CharDiff}: character diff for Chinese text,
 *       with a readable (semantically cleaned) and an exact (for similarity) form;</li>
 *   <li>{@link org.kaimen.drafts.internal.versioning.ProvisionMatcher}: which article and paragraph
 *       of the new version continues each one of the old version;</li>
 *   <li>{@link org.kaimen.drafts.internal.versioning.Redline}: the per-article change list shown in
 *       the diff view.</li>
 * </ul>
 *
 * <p>Internal: the API may change with the platform; no Spring or other runtime dependencies so the
 * code can run in workers and tests alike.
 */
package org.kaimen.drafts.internal.versioning;
