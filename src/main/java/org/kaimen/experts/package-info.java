/** The expert pool (立法咨询专家库): registry, conflict-free draws, e-mail invitations and opinions on drafts. */
@org.springframework.modulith.ApplicationModule(displayName = "Experts")
package org.kaimen.experts;
