package org.kaimen.accounts;

/** PENDING until the e-mail address is verified; DISABLED by an administrator. */
public enum AccountStatus {
    PENDING, ACTIVE, DISABLED
}
