package org.attesta.security.internal;

import java.time.Instant;
import java.util.List;
import org.attesta.api.security.Account;
import org.attesta.api.security.AccountState;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Territory;

/** An account row with its grants, as the store reads it; carries the password hash, so never leaves the bundle. */
record StoredAccount(long id, String login, String displayName, String passwordHash, boolean passwordChangeRequired,
        String pendingCredential, AccountState state, Instant createdAt, Instant lastLoginAt, List<Grant> grants) {

    /** A grant and the municipality of its territory (for a school scope, the school's municipality). */
    record Grant(RoleGrant grant, String municipalityCode) {
        Territory territory() {
            return switch (grant.scope().level()) {
                case REGION -> Territory.region();
                case MUNICIPALITY -> Territory.municipality(grant.scope().code());
                case SCHOOL -> Territory.school(municipalityCode, grant.scope().code());
            };
        }
    }

    List<RoleGrant> roleGrants() {
        return grants.stream().map(Grant::grant).toList();
    }

    Account toAccount(Instant lockedUntil) {
        return new Account(id, login, displayName, roleGrants(), state, passwordChangeRequired,
                pendingCredential != null, createdAt, lastLoginAt, lockedUntil);
    }

    @Override
    public String toString() {
        return "StoredAccount[" + login + "]";
    }
}
