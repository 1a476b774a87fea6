/** Public comments on drafts: submission on any provision, receipts, moderation, privacy, offline channels. */
@org.springframework.modulith.ApplicationModule(displayName = "Comments")
package org.kaimen.comments;
