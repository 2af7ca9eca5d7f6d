package org.attesta.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.attesta.api.audit.AuditOutcome;
import org.attesta.api.common.AccessDeniedException;
import org.attesta.api.security.AccessScope;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerKind;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Role;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Scope;
import org.attesta.api.security.Territory;
import org.junit.jupiter.api.Test;

class RoleBasedAccessPolicyTest {
    private final ThreadCallerContext callers = new ThreadCallerContext();
    private final RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy(callers);

    private static Caller staff(RoleGrant... grants) {
        return new Caller(CallerKind.STAFF, "someone", "Someone", List.of(grants), "127.0.0.1", false);
    }

    @Test
    void aMunicipalSpecialistActsOnItsOwnSchoolsOnly() {
        Caller mo = staff(new RoleGrant(Role.MUNICIPAL_SPECIALIST, Scope.municipality("01")));
        AccessScope scope = policy.scope(mo, Permission.PARTICIPANTS_EDIT);
        assertTrue(scope.covers(Territory.school("01", "01001")));
        assertTrue(scope.covers(Territory.municipality("01")));
        assertFalse(scope.covers(Territory.school("02", "02001")));
        assertFalse(scope.covers(Territory.region()));
        assertTrue(policy.scope(mo, Permission.AUDIT_READ).isNone());
        assertTrue(policy.scope(mo, Permission.EXAM_DAYS_EDIT).isNone());
    }

    @Test
    void aSchoolRoleSeesItsSchoolAndNotItsMunicipality() {
        Caller head = staff(new RoleGrant(Role.SCHOOL_HEAD, Scope.school("01001")));
        AccessScope scope = policy.scope(head, Permission.PARTICIPANTS_READ);
        assertTrue(scope.covers(Territory.school("01", "01001")));
        assertFalse(scope.covers(Territory.school("01", "01002")));
        assertFalse(scope.covers(Territory.municipality("01")));
        assertTrue(policy.scope(head, Permission.PARTICIPANTS_EDIT).isNone());
    }

    @Test
    void technicalSpecialistsAndExpertsNeverSeeDocuments() {
        for (Role role : List.of(Role.TECHNICAL_SPECIALIST, Role.EXPERT)) {
            Caller caller = staff(new RoleGrant(role, Scope.school("01001")));
            assertFalse(policy.permissions(caller).contains(Permission.PERSONAL_DATA_READ), role.name());
            assertTrue(policy.permissions(caller).contains(Permission.PARTICIPANTS_READ), role.name());
        }
    }

    @Test
    void onlyTheRegionAdministratorReadsTheAuditLog() {
        for (Role role : Role.values()) {
            Scope scope = switch (role.levels().iterator().next()) {
                case REGION -> Scope.region();
                case MUNICIPALITY -> Scope.municipality("01");
                case SCHOOL -> Scope.school("01001");
            };
            boolean reads = policy.permissions(staff(new RoleGrant(role, scope))).contains(Permission.AUDIT_READ);
            assertEquals(role == Role.REGION_ADMINISTRATOR, reads, role.name());
        }
    }

    @Test
    void grantsInSeveralPlacesAddUp() {
        Caller caller = staff(new RoleGrant(Role.RESPONSIBLE_ORGANIZER, Scope.school("01001")),
                new RoleGrant(Role.MUNICIPAL_SPECIALIST, Scope.municipality("02")));
        AccessScope scope = policy.scope(caller, Permission.PARTICIPANTS_IMPORT);
        assertTrue(scope.covers(Territory.school("01", "01001")));
        assertTrue(scope.covers(Territory.school("02", "02002")));
        assertFalse(scope.covers(Territory.school("01", "01002")));
    }

    @Test
    void aOneTimePasswordHoldsNothingUntilChanged() {
        Caller fresh = new Caller(CallerKind.STAFF, "x", "X", List.of(new RoleGrant(Role.REGION_ADMINISTRATOR,
                Scope.region())), null, true);
        assertTrue(policy.permissions(fresh).isEmpty());
        assertTrue(policy.scope(fresh, Permission.REGISTRY_READ).isNone());
    }

    @Test
    void administratorsAndTheSystemHoldEverythingAndStrangersNothing() {
        assertEquals(EnumSet.allOf(Permission.class), policy.permissions(Caller.platformAdministrator("admin", null)));
        assertTrue(policy.scope(Caller.system("demo"), Permission.AUDIT_READ).region());
        assertTrue(policy.permissions(Caller.anonymous("10.0.0.1")).isEmpty());
    }

    @Test
    void aRefusalIsAuditedAndSaysWhy() {
        RecordingAudit audit = new RecordingAudit(callers);
        RoleBasedAccessPolicy audited = new RoleBasedAccessPolicy(callers);
        setAudit(audited, audit);
        Caller head = staff(new RoleGrant(Role.SCHOOL_HEAD, Scope.school("01001")));
        AccessDeniedException refused = callers.callAs(head, () -> assertThrows(AccessDeniedException.class,
                () -> audited.require(Permission.PARTICIPANTS_READ, Territory.school("01", "01002"))));
        assertTrue(refused.getMessage().contains("чужой территории"), refused.getMessage());
        AccessDeniedException noRole = callers.callAs(head, () -> assertThrows(AccessDeniedException.class,
                () -> audited.require(Permission.ACCOUNTS_MANAGE)));
        assertTrue(noRole.getMessage().contains("роли"), noRole.getMessage());
        assertEquals(2, audit.entries.size());
        assertEquals(AuditOutcome.DENIED, audit.entries.get(0).outcome());
        assertEquals("someone", audit.entries.get(0).actor());
        assertEquals("ОО 01002", audit.entries.get(0).after().get("territory"));
    }

    @Test
    void anUnboundThreadIsAnonymousAndHoldsNothing() {
        assertTrue(callers.current().isAnonymous());
        assertThrows(AccessDeniedException.class, () -> policy.require(Permission.REGISTRY_READ));
    }

    static void setAudit(RoleBasedAccessPolicy policy, org.attesta.api.audit.AuditLog audit) {
        try {
            var field = RoleBasedAccessPolicy.class.getDeclaredField("audit");
            field.setAccessible(true);
            field.set(policy, new org.osgi.service.component.ComponentServiceObjects<org.attesta.api.audit.AuditLog>() {
                @Override
                public org.attesta.api.audit.AuditLog getService() {
                    return audit;
                }

                @Override
                public void ungetService(org.attesta.api.audit.AuditLog service) {
                }

                @Override
                public org.osgi.framework.ServiceReference<org.attesta.api.audit.AuditLog> getServiceReference() {
                    return null;
                }
            });
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
