package org.attesta.api.security;

/** What a caller may do; the access policy says which roles hold which permissions. */
public enum Permission {
    /** Municipalities, schools, venues, auditoriums, exam days, assignments and seating. */
    REGISTRY_READ,
    /** Create and change municipalities and schools. */
    SCHOOLS_EDIT,
    /** Create and change venues and their auditoriums. */
    VENUES_EDIT,
    /** Create and change exam days (region-wide objects). */
    EXAM_DAYS_EDIT,
    /** Participants, with document numbers and СНИЛС masked. */
    PARTICIPANTS_READ,
    /** Create, change and delete participants. */
    PARTICIPANTS_EDIT,
    /** Import participant files. */
    PARTICIPANTS_IMPORT,
    /** Document numbers and СНИЛС in full (each view is audited). */
    PERSONAL_DATA_READ,
    /** Assign participants to exam days and compute or change the seating. */
    SEATING_EDIT,
    /** See staff accounts. */
    ACCOUNTS_READ,
    /** Issue, reset, disable accounts and hand over their initial credentials. */
    ACCOUNTS_MANAGE,
    /** Search and verify the audit log. */
    AUDIT_READ
}
