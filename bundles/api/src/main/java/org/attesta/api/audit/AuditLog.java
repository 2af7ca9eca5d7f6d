package org.attesta.api.audit;

import org.attesta.api.common.Page;
import org.osgi.annotation.versioning.ProviderType;

/** The append-only, hash-chained audit log. */
@ProviderType
public interface AuditLog {

    /** Appends an entry; returns it as stored. Never throws for a well-formed event once the database is up. */
    AuditEntry record(AuditEvent event);

    Page<AuditEntry> search(AuditQuery query);

    /**
     * Re-computes every hash from the first entry on (keyed, or plain SHA-256 for the entries
     * written before the chain key), checks the signed anchors kept outside the database, and
     * names the first entry that was forged, changed, removed or inserted.
     */
    ChainVerification verify();
}
