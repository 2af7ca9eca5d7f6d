package org.attesta.api.audit;

/** How an act ended. */
public enum AuditOutcome {
    /** It was done. */
    SUCCESS,
    /** It was refused: wrong password, no permission, outside the caller's territory, locked out. */
    DENIED,
    /** It was attempted and failed for another reason (bad input, conflict). */
    FAILED
}
