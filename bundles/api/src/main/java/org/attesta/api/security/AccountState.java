package org.attesta.api.security;

/** Whether an account can sign in. */
public enum AccountState {
    ACTIVE,
    /** Switched off by an administrator; sessions are ended and logins refused until enabled. */
    DISABLED
}
