package org.attesta.api.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One stored entry of the audit log.
 *
 * @param sequence the entry's place in the chain, from 1, without gaps
 * @param actorKind STAFF, PLATFORM_ADMINISTRATOR, SYSTEM or ANONYMOUS
 * @param address the network address the act came from, or null
 * @param hash hex SHA-256 over the previous entry's hash and this entry's content
 */
public record AuditEntry(long sequence, Instant at, String actor, String actorKind, String address, String action,
        AuditOutcome outcome, String objectType, String objectId, Map<String, String> before,
        Map<String, String> after, String hash) {

    public AuditEntry {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }
}
