package org.attesta.registry.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.security.AccessScope;
import org.attesta.api.security.Permission;
import org.attesta.registry.internal.entity.MunicipalityEntity;
import org.attesta.registry.internal.entity.SchoolEntity;
import org.junit.jupiter.api.Test;

/** A participant outside the caller's territory is answered as an unknown one. */
class GuardTest {
    private static final long OWN = 1;
    private static final long FOREIGN = 2;

    private final TestAccess access = new TestAccess();
    private final Guard guard = access.guard();
    private final EntityManager em = entityManager(Map.of(OWN, school("500101", 10), FOREIGN, school("600101", 20)),
            Map.of(10L, municipality("50"), 20L, municipality("60")));

    @Test
    void aForeignParticipantIsUnknownAndTheRefusalIsStillChecked() {
        access.narrowTo(new AccessScope(false, Set.of("50"), Set.of()));
        NotFoundException unknown = new NotFoundException("Участника с id 7 нет");

        assertSame(unknown, assertThrows(NotFoundException.class,
                () -> guard.requireParticipant(em, Permission.PARTICIPANTS_EDIT, FOREIGN, () -> unknown)));
        guard.requireParticipant(em, Permission.PARTICIPANTS_EDIT, OWN, () -> unknown);
        assertTrue(guard.seesParticipantsOf(em, OWN));
        assertFalse(guard.seesParticipantsOf(em, FOREIGN));
    }

    private static SchoolEntity school(String code, long municipalityId) {
        SchoolEntity school = new SchoolEntity();
        school.setCode(code);
        school.setMunicipalityId(municipalityId);
        return school;
    }

    private static MunicipalityEntity municipality(String code) {
        MunicipalityEntity municipality = new MunicipalityEntity();
        municipality.setCode(code);
        return municipality;
    }

    /** Only find(), which is all the territory of a school needs. */
    private static EntityManager entityManager(Map<Long, SchoolEntity> schools, Map<Long, MunicipalityEntity> municipalities) {
        return (EntityManager) Proxy.newProxyInstance(GuardTest.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("find")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return args[0] == SchoolEntity.class ? schools.get(args[1]) : municipalities.get(args[1]);
                });
    }
}
