package org.attesta.api.audit;

/** The actions Attesta itself records; region bundles may add their own dotted names. */
public final class AuditActions {
    public static final String LOGIN = "auth.login";
    public static final String LOGOUT = "auth.logout";
    public static final String PASSWORD_CHANGED = "auth.password-changed";
    public static final String SESSION_REJECTED = "auth.session-rejected";
    public static final String CSRF_REJECTED = "auth.csrf-rejected";
    public static final String ACCESS_DENIED = "access.denied";
    public static final String ACCOUNT_ISSUED = "account.issued";
    public static final String ACCOUNTS_BULK_ISSUED = "account.bulk-issued";
    public static final String ACCOUNT_RESET = "account.reset";
    public static final String ACCOUNT_DISABLED = "account.disabled";
    public static final String ACCOUNT_ENABLED = "account.enabled";
    public static final String CREDENTIALS_VIEWED = "account.credentials-viewed";
    public static final String PERSONAL_DATA_VIEWED = "personal-data.viewed";
    public static final String PERSONAL_DATA_EXPORTED = "personal-data.exported";
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";
    public static final String IMPORTED = "imported";
    public static final String AUDIT_VERIFIED = "audit.verified";

    private AuditActions() {
    }
}
