package org.attesta.registry.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.common.AccessDeniedException;
import org.attesta.api.security.AccessPolicy;
import org.attesta.api.security.AccessScope;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Territory;
import org.attesta.registry.internal.entity.MunicipalityEntity;
import org.attesta.registry.internal.entity.SchoolEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The registry's side of access control: where each object lies (its {@link Territory}) and
 * which schools a list may show, always decided by the shared {@link AccessPolicy} for the
 * caller bound to the thread. Also the registry's way into the audit log.
 */
@Component(service = Guard.class)
public final class Guard {
    private final AccessPolicy policy;
    private final AuditLog audit;

    @Activate
    public Guard(@Reference AccessPolicy policy, @Reference AuditLog audit) {
        this.policy = policy;
        this.audit = audit;
    }

    public void require(Permission permission) {
        policy.require(permission);
    }

    public void require(Permission permission, Territory territory) {
        policy.require(permission, territory);
    }

    public boolean allows(Permission permission, Territory territory) {
        return policy.allows(permission, territory);
    }

    public AccessScope scope(Permission permission) {
        AccessScope scope = policy.scope(permission);
        if (scope.isNone()) {
            policy.require(permission);
        }
        return scope;
    }

    public void requireSchool(EntityManager em, Permission permission, SchoolEntity school) {
        policy.require(permission, territory(em, school));
    }

    public void requireSchool(EntityManager em, Permission permission, long schoolId) {
        requireSchool(em, permission, em.find(SchoolEntity.class, schoolId));
    }

    /**
     * Requires the permission on a participant's school. A participant the caller may not even
     * read answers exactly as an unknown id ({@code unknown}), so that ids cannot be probed to
     * learn where a person is enrolled; the refusal is still audited by the policy.
     */
    public void requireParticipant(EntityManager em, Permission permission, long schoolId,
            Supplier<? extends RuntimeException> unknown) {
        Territory territory = territory(em, em.find(SchoolEntity.class, schoolId));
        if (policy.allows(Permission.PARTICIPANTS_READ, territory)) {
            policy.require(permission, territory);
            return;
        }
        try {
            policy.require(permission, territory);
        } catch (AccessDeniedException refused) {
            throw unknown.get();
        }
    }

    /** Whether the caller may read participants of the school: only then may a clash name the other record. */
    public boolean seesParticipantsOf(EntityManager em, long schoolId) {
        return policy.allows(Permission.PARTICIPANTS_READ, territory(em, em.find(SchoolEntity.class, schoolId)));
    }

    /**
     * A municipality is visible to whoever sees it whole or any of its schools (a school sees
     * the municipality it belongs to).
     */
    public void requireMunicipalityVisible(EntityManager em, Permission permission, MunicipalityEntity municipality) {
        AccessScope scope = scope(permission);
        if (scope.coversMunicipality(municipality.getCode())) {
            return;
        }
        if (!scope.schools().isEmpty() && !em.createQuery("SELECT s.id FROM SchoolEntity s"
                + " WHERE s.municipalityId = :m AND s.code IN :schools", Long.class)
                .setParameter("m", municipality.getId()).setParameter("schools", List.copyOf(scope.schools()))
                .setMaxResults(1).getResultList().isEmpty()) {
            return;
        }
        policy.require(permission, Territory.municipality(municipality.getCode()));
    }

    /** A filter by municipality must lie wholly inside the caller's territory. */
    public void requireMunicipality(Permission permission, String municipalityCode) {
        policy.require(permission, Territory.municipality(municipalityCode.strip()));
    }

    public static Territory territory(EntityManager em, SchoolEntity school) {
        return Territory.school(em.find(MunicipalityEntity.class, school.getMunicipalityId()).getCode(),
                school.getCode());
    }

    /** The ids of the schools a list may show, or null when the caller sees the whole region. */
    public List<Long> visibleSchoolIds(EntityManager em, Permission permission) {
        AccessScope scope = scope(permission);
        if (scope.region()) {
            return null;
        }
        StringBuilder jpql = new StringBuilder("SELECT s.id FROM SchoolEntity s, MunicipalityEntity m"
                + " WHERE s.municipalityId = m.id AND (1 = 0");
        if (!scope.municipalities().isEmpty()) {
            jpql.append(" OR m.code IN :municipalities");
        }
        if (!scope.schools().isEmpty()) {
            jpql.append(" OR s.code IN :schools");
        }
        TypedQuery<Long> query = em.createQuery(jpql.append(")").toString(), Long.class);
        if (!scope.municipalities().isEmpty()) {
            query.setParameter("municipalities", List.copyOf(scope.municipalities()));
        }
        if (!scope.schools().isEmpty()) {
            query.setParameter("schools", List.copyOf(scope.schools()));
        }
        return query.getResultList();
    }

    /** Intersects a list filter (null: everything) with what the caller may see (null: everything). */
    public static List<Long> within(List<Long> filter, List<Long> visible) {
        if (visible == null) {
            return filter;
        }
        if (filter == null) {
            return visible;
        }
        return filter.stream().filter(visible::contains).toList();
    }

    public void audit(String action, String objectType, String objectId, Map<String, String> before,
            Map<String, String> after) {
        audit.record(AuditEvent.success(action, objectType, objectId).withChange(before, after));
    }

    public AuditLog auditLog() {
        return audit;
    }
}
