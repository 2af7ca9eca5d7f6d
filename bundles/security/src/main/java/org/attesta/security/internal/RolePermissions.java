package org.attesta.security.internal;

import static org.attesta.api.security.Permission.ACCOUNTS_MANAGE;
import static org.attesta.api.security.Permission.ACCOUNTS_READ;
import static org.attesta.api.security.Permission.AUDIT_READ;
import static org.attesta.api.security.Permission.EXAM_DAYS_EDIT;
import static org.attesta.api.security.Permission.PARTICIPANTS_EDIT;
import static org.attesta.api.security.Permission.PARTICIPANTS_IMPORT;
import static org.attesta.api.security.Permission.PARTICIPANTS_READ;
import static org.attesta.api.security.Permission.PERSONAL_DATA_READ;
import static org.attesta.api.security.Permission.REGISTRY_READ;
import static org.attesta.api.security.Permission.SCHOOLS_EDIT;
import static org.attesta.api.security.Permission.SEATING_EDIT;
import static org.attesta.api.security.Permission.VENUES_EDIT;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Role;

/**
 * What each role may do (within the territory the role is bound to). The one table of the
 * access policy: a change of who may do what is a change here and in its test.
 */
final class RolePermissions {

    private static final Map<Role, Set<Permission>> TABLE = new EnumMap<>(Role.class);

    static {
        TABLE.put(Role.REGION_ADMINISTRATOR, EnumSet.allOf(Permission.class));
        // The operator works the region's data; accounts and the audit log stay with the administrator.
        TABLE.put(Role.REGION_OPERATOR, EnumSet.of(REGISTRY_READ, SCHOOLS_EDIT, VENUES_EDIT, EXAM_DAYS_EDIT,
                PARTICIPANTS_READ, PARTICIPANTS_EDIT, PARTICIPANTS_IMPORT, PERSONAL_DATA_READ, SEATING_EDIT,
                ACCOUNTS_READ));
        // The МОУО enters and checks its schools' data and hands credentials on to its schools.
        TABLE.put(Role.MUNICIPAL_SPECIALIST, EnumSet.of(REGISTRY_READ, SCHOOLS_EDIT, VENUES_EDIT, PARTICIPANTS_READ,
                PARTICIPANTS_EDIT, PARTICIPANTS_IMPORT, PERSONAL_DATA_READ, SEATING_EDIT, ACCOUNTS_READ,
                ACCOUNTS_MANAGE));
        TABLE.put(Role.SCHOOL_HEAD, EnumSet.of(REGISTRY_READ, PARTICIPANTS_READ, PERSONAL_DATA_READ, ACCOUNTS_READ));
        // The responsible organiser collects participant data and decides the rooms.
        TABLE.put(Role.RESPONSIBLE_ORGANIZER, EnumSet.of(REGISTRY_READ, VENUES_EDIT, PARTICIPANTS_READ,
                PARTICIPANTS_EDIT, PARTICIPANTS_IMPORT, PERSONAL_DATA_READ, SEATING_EDIT));
        // Names for the recording station, no documents.
        TABLE.put(Role.TECHNICAL_SPECIALIST, EnumSet.of(REGISTRY_READ, PARTICIPANTS_READ));
        TABLE.put(Role.EXPERT, EnumSet.of(REGISTRY_READ, PARTICIPANTS_READ));
        if (!TABLE.keySet().containsAll(EnumSet.allOf(Role.class))) {
            throw new IllegalStateException("every role needs a row in the permission table");
        }
        // AUDIT_READ is the region administrator's alone.
        TABLE.forEach((role, permissions) -> {
            if (role != Role.REGION_ADMINISTRATOR && permissions.contains(AUDIT_READ)) {
                throw new IllegalStateException("only the region administrator reads the audit log");
            }
        });
    }

    private RolePermissions() {
    }

    static Set<Permission> of(Role role) {
        return EnumSet.copyOf(TABLE.get(role));
    }

    static boolean grants(Role role, Permission permission) {
        return TABLE.get(role).contains(permission);
    }
}
