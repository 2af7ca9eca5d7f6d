package org.attesta.api.audit;

import java.time.Instant;
import org.attesta.api.common.PageRequest;

/**
 * An audit log search; every criterion may be null. Entries come newest first.
 *
 * @param action an action, or the start of one followed by a dot ({@code account.})
 * @param from entries at or after this instant
 * @param to entries before this instant
 */
public record AuditQuery(String actor, String objectType, String objectId, String action, AuditOutcome outcome,
        Instant from, Instant to, PageRequest page) {
}
