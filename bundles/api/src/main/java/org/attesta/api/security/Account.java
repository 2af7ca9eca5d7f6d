package org.attesta.api.security;

import java.time.Instant;
import java.util.List;

/**
 * A staff account. Never carries a password or its hash.
 *
 * @param passwordChangeRequired whether the one-time password is still in use
 * @param credentialsPending whether the initial (or reset) password has not yet been handed over
 * @param lockedUntil when a temporary lock after failed logins ends, or null when not locked
 * @param lastLoginAt the last successful login, or null
 */
public record Account(long id, String login, String displayName, List<RoleGrant> grants, AccountState state,
        boolean passwordChangeRequired, boolean credentialsPending, Instant createdAt, Instant lastLoginAt,
        Instant lockedUntil) {

    public Account {
        grants = List.copyOf(grants);
    }
}
