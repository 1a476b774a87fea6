/**
 * Reading Chinese draft regulations into a provision tree.
 *
 * <p>Typical import flow:
 * <ol>
 *   <li>{@link org.kaimen.drafts.internal.parsing.DraftTextExtractor} turns an upload (.docx,
 *       markdown or plain text) into normalised plain text;</li>
 *   <li>{@link org.kaimen.drafts.internal.parsing.DraftParser} parses it into a
 *       {@link org.kaimen.drafts.internal.parsing.ParseResult}: title, preamble, the tree of
 *       编/章/节/条/款/项/目 and anomalies; a result that is not
 *       {@linkplain org.kaimen.drafts.internal.parsing.ParseResult#isDraft() a draft} is refused;</li>
 *   <li>{@link org.kaimen.drafts.internal.parsing.CitationLabels} gives each provision a citation
 *       label ({@code 第十二条第二款}) and a stable key ({@code a12.p2}) to attach comments to;</li>
 *   <li>{@link org.kaimen.drafts.internal.parsing.CrossReferences} finds references between
 *       provisions for linking;</li>
 *   <li>{@link org.kaimen.drafts.internal.parsing.DraftTextRenderer} writes a tree back as
 *       canonical text.</li>
 * </ol>
 *
 * <p>Everything here is free of framework dependencies and thread-safe.
 */
package org.kaimen.drafts.internal.parsing;
