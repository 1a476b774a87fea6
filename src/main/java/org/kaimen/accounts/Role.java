package org.kaimen.accounts;

/** What a person may do. Staff roles see personal data and act on comments; every staff read is audited. */
public enum Role {
    CITIZEN, DRAFTER, ADMIN, EXPERT;

    /** Spring Security authority names, shared with {@code @RolesAllowed} on views. */
    public static final String CITIZEN_NAME = "CITIZEN";
    public static final String DRAFTER_NAME = "DRAFTER";
    public static final String ADMIN_NAME = "ADMIN";
    public static final String EXPERT_NAME = "EXPERT";

    public boolean isStaff() {
        return this == DRAFTER || this == ADMIN;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
