package org.attesta.security.internal;

import java.time.Instant;
import java.util.List;
import org.attesta.api.security.Account;
import org.attesta.api.security.AccountState;
import org.attesta.api.security.Role;
import org.attesta.api.security.ScopeLevel;

/** An account row with its grants, as the store reads it; carries the password hash, so never leaves the bundle. */
record StoredAccount(long id, String login, String displayName, String passwordHash, boolean passwordChangeRequired,
        String pendingCredential, AccountState state, Instant createdAt, Instant lastLoginAt, List<Grant> grants) {

    /**
     * A role bound to a place by the place's id in the registry, which never changes (codes can):
     * {@link GrantPlaces} tells where that place is now.
     *
     * @param placeId the school's or municipality's id; 0 for the region
     */
    record Grant(Role role, ScopeLevel level, long placeId) {
        static Grant region(Role role) {
            return new Grant(role, ScopeLevel.REGION, 0);
        }
    }

    Account toAccount(GrantPlaces places, Instant lockedUntil) {
        return new Account(id, login, displayName, places.roleGrants(grants), state, passwordChangeRequired,
                pendingCredential != null, createdAt, lastLoginAt, lockedUntil);
    }

    @Override
    public String toString() {
        return "StoredAccount[" + login + "]";
    }
}
