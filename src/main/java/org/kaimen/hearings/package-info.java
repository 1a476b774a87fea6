/** Legislative hearings (立法听证): notice, registration, the published speaker lottery, transcript and report. */
@org.springframework.modulith.ApplicationModule(displayName = "Hearings")
package org.kaimen.hearings;
