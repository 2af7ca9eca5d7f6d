package org.attesta.api.security;

import java.util.Set;

/**
 * Accounts for every municipality and school of a territory in one action: one account per
 * municipality for {@link Role#MUNICIPAL_SPECIALIST}, one per school for each school role asked
 * for. Accounts that already exist are left as they are.
 *
 * @param municipalityCode only this municipality and its schools, or null for the whole region
 */
public record BulkIssueRequest(Set<Role> roles, String municipalityCode) {

    public BulkIssueRequest {
        roles = Set.copyOf(roles);
    }
}
