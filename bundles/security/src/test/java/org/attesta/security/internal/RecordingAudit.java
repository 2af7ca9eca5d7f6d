package org.attesta.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attesta.api.audit.AuditEntry;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.audit.AuditQuery;
import org.attesta.api.audit.ChainVerification;
import org.attesta.api.common.Page;
import org.attesta.api.security.CallerContext;

/** An audit log that keeps events in memory, with the actor resolved as the real one does. */
final class RecordingAudit implements AuditLog {
    final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
    private final CallerContext callers;

    RecordingAudit(CallerContext callers) {
        this.callers = callers;
    }

    @Override
    public AuditEntry record(AuditEvent event) {
        var caller = callers.current();
        AuditEntry entry = new AuditEntry(entries.size() + 1, Instant.now(),
                event.actor() != null ? event.actor() : caller.login(), caller.kind().name(), caller.address(),
                event.action(), event.outcome(), event.objectType(), event.objectId(), event.before(), event.after(),
                "");
        entries.add(entry);
        return entry;
    }

    List<String> actions() {
        return entries.stream().map(e -> e.action() + ":" + e.outcome()).toList();
    }

    @Override
    public Page<AuditEntry> search(AuditQuery query) {
        throw new UnsupportedOperationException("search is not used by these tests");
    }

    @Override
    public ChainVerification verify() {
        throw new UnsupportedOperationException("verify is not used by these tests");
    }
}
