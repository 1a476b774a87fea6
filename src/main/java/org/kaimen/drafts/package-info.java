/** Draft regulations: import and structure (编章节条款项目), versions with redlines, consultation periods, reading. */
@org.springframework.modulith.ApplicationModule(displayName = "Drafts")
package org.kaimen.drafts;
