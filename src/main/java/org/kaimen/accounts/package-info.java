/** Who the user is: accounts, roles, registration with e-mail verification, login throttling and password reset. */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.kaimen.accounts;
