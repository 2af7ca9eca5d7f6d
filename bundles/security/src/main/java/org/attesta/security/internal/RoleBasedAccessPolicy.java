package org.attesta.security.internal;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.common.AccessDeniedException;
import org.attesta.api.security.AccessPolicy;
import org.attesta.api.security.AccessScope;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;
import org.attesta.api.security.CallerKind;
import org.attesta.api.security.Permission;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Territory;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The access policy: a staff caller holds a permission where one of its roles grants it
 * (see {@link RolePermissions}), in that role's territory; platform administrators and
 * Attesta itself hold every permission in the whole region; anonymous callers hold none.
 * Each refusal is written to the audit log.
 */
@Component(service = AccessPolicy.class)
public class RoleBasedAccessPolicy implements AccessPolicy {

    private final CallerContext callers;

    // The audit log itself asks this policy who may read it. Taken only when a refusal is
    // recorded, so that activating either of the two never needs the other already active.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<AuditLog> audit;

    @Activate
    public RoleBasedAccessPolicy(@Reference CallerContext callers) {
        this.callers = callers;
    }

    @Override
    public Set<Permission> permissions(Caller caller) {
        if (isRegionWide(caller)) {
            return EnumSet.allOf(Permission.class);
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (RoleGrant grant : grants(caller)) {
            permissions.addAll(RolePermissions.of(grant.role()));
        }
        return permissions;
    }

    @Override
    public AccessScope scope(Caller caller, Permission permission) {
        if (isRegionWide(caller)) {
            return AccessScope.REGION;
        }
        Set<String> municipalities = new HashSet<>();
        Set<String> schools = new HashSet<>();
        for (RoleGrant grant : grants(caller)) {
            if (!RolePermissions.grants(grant.role(), permission)) {
                continue;
            }
            switch (grant.scope().level()) {
                case REGION -> {
                    return AccessScope.REGION;
                }
                case MUNICIPALITY -> municipalities.add(grant.scope().code());
                case SCHOOL -> schools.add(grant.scope().code());
            }
        }
        return municipalities.isEmpty() && schools.isEmpty() ? AccessScope.NONE
                : new AccessScope(false, municipalities, schools);
    }

    @Override
    public AccessScope scope(Permission permission) {
        return scope(callers.current(), permission);
    }

    @Override
    public void require(Permission permission) {
        if (scope(permission).isNone()) {
            refuse(permission, null);
        }
    }

    @Override
    public void require(Permission permission, Territory territory) {
        if (!allows(permission, territory)) {
            refuse(permission, territory);
        }
    }

    @Override
    public boolean allows(Permission permission, Territory territory) {
        return scope(permission).covers(territory);
    }

    private void refuse(Permission permission, Territory territory) {
        Caller caller = callers.current();
        record(AuditEvent.denied(AuditActions.ACCESS_DENIED, "permission", permission.name())
                .withDetail(Map.of("territory", describe(territory))));
        throw new AccessDeniedException(caller.isAnonymous()
                ? "Войдите в систему: это действие требует входа"
                : territory == null || scope(caller, permission).isNone()
                        ? "Вашей роли это действие не разрешено"
                        : "Объект относится к чужой территории (" + describe(territory) + "): доступ запрещён");
    }

    private void record(AuditEvent event) {
        ComponentServiceObjects<AuditLog> objects = audit;
        AuditLog log = objects == null ? null : objects.getService();
        if (log == null) {
            return;
        }
        try {
            log.record(event);
        } finally {
            objects.ungetService(log);
        }
    }

    private static String describe(Territory territory) {
        if (territory == null) {
            return "любая";
        }
        if (territory.isRegion()) {
            return "регион";
        }
        return territory.schoolCode() == null ? "МОУО " + territory.municipalityCode()
                : "ОО " + territory.schoolCode();
    }

    private static boolean isRegionWide(Caller caller) {
        return caller.kind() == CallerKind.PLATFORM_ADMINISTRATOR || caller.kind() == CallerKind.SYSTEM;
    }

    /** A caller who must still change the one-time password holds nothing until it does. */
    private static Iterable<RoleGrant> grants(Caller caller) {
        return caller.kind() == CallerKind.STAFF && !caller.passwordChangeRequired() ? caller.grants() : Set.of();
    }
}
