package org.attesta.registry.internal;

import java.util.List;
import javax.persistence.EntityManager;
import org.attesta.api.common.NotFoundException;
import org.attesta.registry.internal.entity.AuditoriumEntity;
import org.attesta.registry.internal.entity.ExamDayEntity;
import org.attesta.registry.internal.entity.MunicipalityEntity;
import org.attesta.registry.internal.entity.SchoolEntity;
import org.attesta.registry.internal.entity.VenueEntity;

/**
 * Look-ups the registry's services share inside their own transactions, so every service
 * says "not found" the same way.
 */
public final class Lookups {
    private Lookups() {
    }

    public static SchoolEntity schoolEntity(EntityManager em, String code) {
        SchoolEntity school = findSchool(em, code);
        if (school == null) {
            throw new NotFoundException("ОО с кодом «" + Text.clean(code) + "» нет в реестре");
        }
        return school;
    }

    public static ExamDayEntity examDayEntity(EntityManager em, long id) {
        ExamDayEntity day = em.find(ExamDayEntity.class, id);
        if (day == null) {
            throw new NotFoundException("Дня проведения с id " + id + " нет");
        }
        return day;
    }

    public static List<AuditoriumEntity> auditoriumEntities(EntityManager em, long venueId) {
        return em.createQuery("SELECT a FROM AuditoriumEntity a WHERE a.venueId = :venue ORDER BY a.number", AuditoriumEntity.class)
                .setParameter("venue", venueId).getResultList();
    }

    public static String schoolCode(EntityManager em, Long schoolId) {
        return schoolId == null ? null : em.find(SchoolEntity.class, schoolId).getCode();
    }

    public static MunicipalityEntity municipalityEntity(EntityManager em, String code) {
        MunicipalityEntity municipality = findMunicipality(em, code);
        if (municipality == null) {
            throw new NotFoundException("МОУО с кодом «" + Text.clean(code) + "» нет в реестре");
        }
        return municipality;
    }

    public static MunicipalityEntity findMunicipality(EntityManager em, String code) {
        List<MunicipalityEntity> found = em.createQuery("SELECT m FROM MunicipalityEntity m WHERE m.code = :code", MunicipalityEntity.class)
                .setParameter("code", Text.clean(code)).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    public static SchoolEntity findSchool(EntityManager em, String code) {
        List<SchoolEntity> found = em.createQuery("SELECT s FROM SchoolEntity s WHERE s.code = :code", SchoolEntity.class)
                .setParameter("code", Text.clean(code)).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    public static VenueEntity venueEntity(EntityManager em, long id) {
        VenueEntity venue = em.find(VenueEntity.class, id);
        if (venue == null) {
            throw new NotFoundException("ППЭ с id " + id + " нет");
        }
        return venue;
    }
}
