/**
 * The adoption report as files: .docx and .pdf of the document, .xlsx and .csv of every comment with its opinion,
 * anonymised and safe against spreadsheet formula injection. The API is {@code feedback.api.ReportExportApi}.
 */
package org.kaimen.feedback.internal.export;
