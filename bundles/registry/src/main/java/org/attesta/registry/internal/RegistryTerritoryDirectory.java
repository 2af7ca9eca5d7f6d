package org.attesta.registry.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.aries.jpa.template.JpaTemplate;
import org.attesta.api.registry.Municipality;
import org.attesta.api.registry.School;
import org.attesta.api.registry.TerritoryDirectory;
import org.attesta.registry.internal.entity.MunicipalityEntity;
import org.attesta.registry.internal.entity.SchoolEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The registry's answer to "where is this school now": look-ups by the stable ids that grants
 * keep, without the registry's own access checks (the callers are the access checks).
 */
@Component(service = TerritoryDirectory.class)
public class RegistryTerritoryDirectory implements TerritoryDirectory {
    /** Keeps IN lists well inside what Derby and PostgreSQL accept in one statement. */
    private static final int CHUNK = 500;

    private final Tx tx;

    @Activate
    public RegistryTerritoryDirectory(@Reference(target = "(osgi.unit.name=attesta-registry)") JpaTemplate jpa) {
        this.tx = new Tx(jpa);
    }

    @Override
    public Map<Long, School> schoolsById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // One query with the municipality's code: every signed-in request of a school's staff asks this.
        return tx.call(em -> {
            Map<Long, School> schools = new HashMap<>();
            for (List<Long> chunk : chunks(ids)) {
                for (Object[] row : em.createQuery("SELECT s, m.code FROM SchoolEntity s, MunicipalityEntity m"
                        + " WHERE s.municipalityId = m.id AND s.id IN :ids", Object[].class)
                        .setParameter("ids", chunk).getResultList()) {
                    SchoolEntity school = (SchoolEntity) row[0];
                    schools.put(school.getId(), school.toRecord((String) row[1]));
                }
            }
            return schools;
        });
    }

    @Override
    public Map<Long, Municipality> municipalitiesById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.call(em -> {
            Map<Long, Municipality> municipalities = new HashMap<>();
            for (List<Long> chunk : chunks(ids)) {
                em.createQuery("SELECT m FROM MunicipalityEntity m WHERE m.id IN :ids", MunicipalityEntity.class)
                        .setParameter("ids", chunk).getResultList()
                        .forEach(m -> municipalities.put(m.getId(), m.toRecord()));
            }
            return municipalities;
        });
    }

    @Override
    public Optional<School> schoolByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return tx.call(em -> {
            SchoolEntity school = Lookups.findSchool(em, code);
            if (school == null) {
                return Optional.empty();
            }
            MunicipalityEntity municipality = em.find(MunicipalityEntity.class, school.getMunicipalityId());
            return Optional.of(school.toRecord(municipality.getCode()));
        });
    }

    @Override
    public Optional<Municipality> municipalityByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return tx.call(em -> Optional.ofNullable(Lookups.findMunicipality(em, code)).map(MunicipalityEntity::toRecord));
    }

    @Override
    public List<Long> schoolIdsOf(long municipalityId) {
        return tx.call(em -> em.createQuery("SELECT s.id FROM SchoolEntity s WHERE s.municipalityId = :m ORDER BY s.id",
                Long.class).setParameter("m", municipalityId).getResultList());
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(Set.copyOf(ids));
        List<List<Long>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
