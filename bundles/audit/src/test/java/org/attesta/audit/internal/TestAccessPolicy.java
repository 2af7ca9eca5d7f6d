package org.attesta.audit.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.attesta.api.common.AccessDeniedException;
import org.attesta.api.security.AccessPolicy;
import org.attesta.api.security.AccessScope;
import org.attesta.api.security.Caller;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Territory;

/** Grants everything everywhere, or nothing once {@link #deny()} is called; remembers what was asked. */
final class TestAccessPolicy implements AccessPolicy {
    private volatile boolean allowed = true;
    private final List<String> checks = new ArrayList<>();

    void deny() {
        allowed = false;
    }

    synchronized List<String> checks() {
        return List.copyOf(checks);
    }

    @Override
    public Set<Permission> permissions(Caller caller) {
        return allowed ? EnumSet.allOf(Permission.class) : EnumSet.noneOf(Permission.class);
    }

    @Override
    public AccessScope scope(Caller caller, Permission permission) {
        return allowed ? AccessScope.REGION : AccessScope.NONE;
    }

    @Override
    public void require(Permission permission) {
        require(permission, null);
    }

    @Override
    public synchronized void require(Permission permission, Territory territory) {
        checks.add(permission + (territory == null ? "" : territory.isRegion() ? "@region" : "@" + territory));
        if (!allowed) {
            throw new AccessDeniedException("Вашей роли это действие не разрешено");
        }
    }

    @Override
    public AccessScope scope(Permission permission) {
        return scope(null, permission);
    }

    @Override
    public boolean allows(Permission permission, Territory territory) {
        return allowed;
    }
}
