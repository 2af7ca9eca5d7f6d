package org.attesta.registry.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attesta.api.audit.AuditEntry;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.audit.AuditQuery;
import org.attesta.api.audit.ChainVerification;
import org.attesta.api.common.AccessDeniedException;
import org.attesta.api.common.Page;
import org.attesta.api.security.AccessPolicy;
import org.attesta.api.security.AccessScope;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Territory;

/**
 * Access control for registry tests: a caller context per thread, a policy that grants each
 * permission in a fixed scope (the whole region unless a test narrows it), and an audit log in memory.
 */
public final class TestAccess implements AccessPolicy, CallerContext, AuditLog {
    public final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Caller> caller = new ThreadLocal<>();
    private volatile AccessScope scope = AccessScope.REGION;

    public Guard guard() {
        return new Guard(this, this);
    }

    /** From now on every permission holds only in this scope. */
    public void narrowTo(AccessScope narrowed) {
        this.scope = narrowed;
    }

    @Override
    public Set<Permission> permissions(Caller who) {
        return scope.isNone() ? Set.of() : EnumSet.allOf(Permission.class);
    }

    @Override
    public AccessScope scope(Caller who, Permission permission) {
        return scope;
    }

    @Override
    public void require(Permission permission) {
        if (scope.isNone()) {
            throw new AccessDeniedException("no " + permission);
        }
    }

    @Override
    public void require(Permission permission, Territory territory) {
        if (!scope.covers(territory)) {
            throw new AccessDeniedException("outside: " + territory);
        }
    }

    @Override
    public AccessScope scope(Permission permission) {
        return scope;
    }

    @Override
    public boolean allows(Permission permission, Territory territory) {
        return scope.covers(territory);
    }

    @Override
    public Caller current() {
        Caller bound = caller.get();
        return bound == null ? Caller.system("test") : bound;
    }

    @Override
    public Binding bind(Caller who) {
        Caller previous = caller.get();
        caller.set(who);
        return () -> caller.set(previous);
    }

    @Override
    public AuditEntry record(AuditEvent event) {
        audited.add(event);
        return new AuditEntry(audited.size(), Instant.now(), current().login(), current().kind().name(), null,
                event.action(), event.outcome(), event.objectType(), event.objectId(), event.before(), event.after(), "");
    }

    @Override
    public Page<AuditEntry> search(AuditQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ChainVerification verify() {
        throw new UnsupportedOperationException();
    }
}
