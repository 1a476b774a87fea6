/** Cross-cutting pieces every module may use: time, errors, i18n, the main layout and API access rules. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.kaimen.shared;
