/** The feedback desk: comments merged into opinions, dispositions with reasons, and the published adoption report. */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback")
package org.kaimen.feedback;
