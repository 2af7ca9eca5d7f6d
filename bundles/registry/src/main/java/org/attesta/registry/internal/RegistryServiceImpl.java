package org.attesta.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.security.AccessScope;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Territory;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.attesta.api.common.ConflictException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.Auditorium;
import org.attesta.api.registry.AuditoriumDraft;
import org.attesta.api.registry.ExamDay;
import org.attesta.api.registry.ExamDayDraft;
import org.attesta.api.registry.Municipality;
import org.attesta.api.registry.MunicipalityDraft;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.School;
import org.attesta.api.registry.SchoolDraft;
import org.attesta.api.registry.Venue;
import org.attesta.api.registry.VenueDraft;
import org.attesta.registry.internal.entity.AuditoriumEntity;
import org.attesta.registry.internal.entity.ExamDayEntity;
import org.attesta.registry.internal.entity.MunicipalityEntity;
import org.attesta.registry.internal.entity.SchoolEntity;
import org.attesta.registry.internal.entity.VenueEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = RegistryService.class)
public class RegistryServiceImpl implements RegistryService {
    private final Tx tx;
    private final Guard guard;

    @Activate
    public RegistryServiceImpl(@Reference(target = "(osgi.unit.name=attesta-registry)") JpaTemplate jpa,
            @Reference Guard guard) {
        this.tx = new Tx(jpa);
        this.guard = guard;
    }

    @Override
    public List<Municipality> municipalities() {
        return tx.call(em -> {
            AccessScope scope = guard.scope(Permission.REGISTRY_READ);
            List<MunicipalityEntity> all = em.createQuery("SELECT m FROM MunicipalityEntity m ORDER BY m.code",
                    MunicipalityEntity.class).getResultList();
            if (scope.region()) {
                return all.stream().map(MunicipalityEntity::toRecord).toList();
            }
            Set<Long> ofVisibleSchools = scope.schools().isEmpty() ? Set.of() : Set.copyOf(em.createQuery(
                    "SELECT s.municipalityId FROM SchoolEntity s WHERE s.code IN :codes", Long.class)
                    .setParameter("codes", List.copyOf(scope.schools())).getResultList());
            return all.stream().filter(m -> scope.municipalities().contains(m.getCode())
                    || ofVisibleSchools.contains(m.getId())).map(MunicipalityEntity::toRecord).toList();
        });
    }

    @Override
    public Municipality municipality(String code) {
        return tx.call(em -> {
            MunicipalityEntity municipality = Lookups.municipalityEntity(em, code);
            guard.requireMunicipalityVisible(em, Permission.REGISTRY_READ, municipality);
            return municipality.toRecord();
        });
    }

    @Override
    public Municipality createMunicipality(MunicipalityDraft draft) {
        guard.require(Permission.SCHOOLS_EDIT, Territory.region());
        Municipality created = tx.call(em -> {
            MunicipalityEntity entity = new MunicipalityEntity();
            fill(entity, draft);
            if (Lookups.findMunicipality(em, entity.getCode()) != null) {
                throw new ConflictException("duplicate-code", "МОУО с кодом " + entity.getCode() + " уже есть");
            }
            em.persist(entity);
            em.flush();
            return entity.toRecord();
        });
        guard.audit(AuditActions.CREATED, "municipality", created.code(), Map.of(), AuditDetails.of(created));
        return created;
    }

    @Override
    public Municipality updateMunicipality(String code, MunicipalityDraft draft) {
        guard.require(Permission.SCHOOLS_EDIT, Territory.region());
        Municipality[] before = new Municipality[1];
        Municipality updated = tx.call(em -> {
            MunicipalityEntity entity = Lookups.municipalityEntity(em, code);
            before[0] = entity.toRecord();
            fill(entity, draft);
            MunicipalityEntity other = Lookups.findMunicipality(em, entity.getCode());
            if (other != null && other.getId() != entity.getId()) {
                throw new ConflictException("duplicate-code", "МОУО с кодом " + entity.getCode() + " уже есть");
            }
            em.flush();
            return entity.toRecord();
        });
        guard.audit(AuditActions.UPDATED, "municipality", updated.code(), AuditDetails.of(before[0]),
                AuditDetails.of(updated));
        return updated;
    }

    @Override
    public Page<School> schools(String text, String municipalityCode, PageRequest page) {
        return tx.call(em -> {
            StringBuilder where = new StringBuilder(" FROM SchoolEntity s, MunicipalityEntity m WHERE s.municipalityId = m.id");
            Map<String, Object> parameters = new HashMap<>();
            String search = Text.searchKey(text);
            if (!search.isEmpty()) {
                where.append(" AND (s.code LIKE :prefix ESCAPE '\\' OR UPPER(s.name) LIKE :contains ESCAPE '\\'"
                        + " OR UPPER(s.shortName) LIKE :contains ESCAPE '\\')");
                parameters.put("prefix", Text.likePrefix(search));
                parameters.put("contains", "%" + Text.likePrefix(search));
            }
            if (municipalityCode != null) {
                Lookups.municipalityEntity(em, municipalityCode);
                guard.requireMunicipality(Permission.REGISTRY_READ, municipalityCode);
                where.append(" AND m.code = :municipality");
                parameters.put("municipality", municipalityCode.strip());
            }
            List<Long> visible = guard.visibleSchoolIds(em, Permission.REGISTRY_READ);
            if (visible != null) {
                if (visible.isEmpty()) {
                    return new Page<School>(List.of(), 0);
                }
                where.append(" AND s.id IN :visible");
                parameters.put("visible", visible);
            }
            TypedQuery<Object[]> query = em.createQuery("SELECT s, m.code" + where + " ORDER BY s.code", Object[].class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(s)" + where, Long.class);
            parameters.forEach((name, value) -> {
                query.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<School> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                    .map(row -> ((SchoolEntity) row[0]).toRecord((String) row[1])).toList();
            return new Page<>(items, count.getSingleResult());
        });
    }

    @Override
    public School school(String code) {
        return tx.call(em -> {
            SchoolEntity school = Lookups.schoolEntity(em, code);
            guard.requireSchool(em, Permission.REGISTRY_READ, school);
            return school.toRecord(em.find(MunicipalityEntity.class, school.getMunicipalityId()).getCode());
        });
    }

    @Override
    public School createSchool(SchoolDraft draft) {
        School created = tx.call(em -> {
            SchoolEntity entity = new SchoolEntity();
            MunicipalityEntity municipality = fill(em, entity, draft);
            guard.require(Permission.SCHOOLS_EDIT, Territory.school(municipality.getCode(), entity.getCode()));
            if (Lookups.findSchool(em, entity.getCode()) != null) {
                throw new ConflictException("duplicate-code", "ОО с кодом " + entity.getCode() + " уже есть");
            }
            em.persist(entity);
            em.flush();
            return entity.toRecord(municipality.getCode());
        });
        guard.audit(AuditActions.CREATED, "school", created.code(), Map.of(), AuditDetails.of(created));
        return created;
    }

    @Override
    public School updateSchool(String code, SchoolDraft draft) {
        School[] before = new School[1];
        School updated = tx.call(em -> {
            SchoolEntity entity = Lookups.schoolEntity(em, code);
            guard.requireSchool(em, Permission.SCHOOLS_EDIT, entity);
            before[0] = entity.toRecord(em.find(MunicipalityEntity.class, entity.getMunicipalityId()).getCode());
            MunicipalityEntity municipality = fill(em, entity, draft);
            guard.require(Permission.SCHOOLS_EDIT, Territory.school(municipality.getCode(), entity.getCode()));
            SchoolEntity other = Lookups.findSchool(em, entity.getCode());
            if (other != null && other.getId() != entity.getId()) {
                throw new ConflictException("duplicate-code", "ОО с кодом " + entity.getCode() + " уже есть");
            }
            em.flush();
            return entity.toRecord(municipality.getCode());
        });
        guard.audit(AuditActions.UPDATED, "school", updated.code(), AuditDetails.of(before[0]), AuditDetails.of(updated));
        return updated;
    }

    @Override
    public Page<Venue> venues(String schoolCode, String municipalityCode, PageRequest page) {
        return tx.call(em -> {
            StringBuilder where = new StringBuilder(" FROM VenueEntity v LEFT JOIN SchoolEntity s ON v.schoolId = s.id"
                    + " LEFT JOIN MunicipalityEntity m ON s.municipalityId = m.id WHERE 1 = 1");
            Map<String, Object> parameters = new HashMap<>();
            if (schoolCode != null) {
                guard.requireSchool(em, Permission.REGISTRY_READ, Lookups.schoolEntity(em, schoolCode));
                where.append(" AND s.code = :school");
                parameters.put("school", schoolCode.strip());
            }
            if (municipalityCode != null) {
                Lookups.municipalityEntity(em, municipalityCode);
                guard.requireMunicipality(Permission.REGISTRY_READ, municipalityCode);
                where.append(" AND m.code = :municipality");
                parameters.put("municipality", municipalityCode.strip());
            }
            List<Long> visible = guard.visibleSchoolIds(em, Permission.REGISTRY_READ);
            if (visible != null) {
                if (visible.isEmpty()) {
                    return new Page<Venue>(List.of(), 0);
                }
                where.append(" AND s.id IN :visible");
                parameters.put("visible", visible);
            }
            TypedQuery<Object[]> query = em.createQuery("SELECT v, s.code" + where + " ORDER BY v.code", Object[].class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(v)" + where, Long.class);
            parameters.forEach((name, value) -> {
                query.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<Venue> items = new ArrayList<>();
            for (Object[] row : query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()) {
                items.add(toRecord((VenueEntity) row[0], (String) row[1]));
            }
            return new Page<>(items, count.getSingleResult());
        });
    }

    @Override
    public Venue venue(long id) {
        return tx.call(em -> {
            VenueEntity venue = Lookups.venueEntity(em, id);
            requireVenue(em, Permission.REGISTRY_READ, venue);
            return toRecord(venue, Lookups.schoolCode(em, venue.getSchoolId()));
        });
    }

    @Override
    public Venue createVenue(VenueDraft draft) {
        Venue created = tx.call(em -> {
            VenueEntity entity = new VenueEntity();
            entity.setCode(Text.required("code", "Код ППЭ", draft.code(), 20));
            entity.setName(Text.required("name", "Наименование", draft.name(), 500));
            entity.setAddress(Text.optional("address", "Адрес", draft.address(), 500));
            String schoolCode = Text.clean(draft.schoolCode());
            entity.setSchoolId(schoolCode == null ? null : knownSchool(em, schoolCode).getId());
            requireVenue(em, Permission.VENUES_EDIT, entity);
            List<VenueEntity> same = em.createQuery("SELECT v FROM VenueEntity v WHERE v.code = :code", VenueEntity.class)
                    .setParameter("code", entity.getCode()).getResultList();
            if (!same.isEmpty()) {
                throw new ConflictException("duplicate-code", "ППЭ с кодом " + entity.getCode() + " уже есть");
            }
            em.persist(entity);
            em.flush();
            return toRecord(entity, schoolCode);
        });
        guard.audit(AuditActions.CREATED, "venue", created.code(), Map.of(), AuditDetails.of(created));
        return created;
    }

    @Override
    public List<Auditorium> auditoriums(long venueId) {
        return tx.call(em -> {
            requireVenue(em, Permission.REGISTRY_READ, Lookups.venueEntity(em, venueId));
            return Lookups.auditoriumEntities(em, venueId).stream().map(AuditoriumEntity::toRecord).toList();
        });
    }

    @Override
    public Auditorium createAuditorium(long venueId, AuditoriumDraft draft) {
        Auditorium created = tx.call(em -> {
            requireVenue(em, Permission.VENUES_EDIT, Lookups.venueEntity(em, venueId));
            AuditoriumEntity entity = new AuditoriumEntity();
            entity.setVenueId(venueId);
            entity.setNumber(Text.required("number", "Номер аудитории", draft.number(), 20));
            if (draft.capacity() < 1 || draft.capacity() > 500) {
                throw new InvalidInputException("capacity", "Вместимость аудитории должна быть от 1 до 500: " + draft.capacity());
            }
            entity.setCapacity(draft.capacity());
            if (draft.role() == null) {
                throw new InvalidInputException("role", "Укажите назначение аудитории: INTERVIEW (проведение) или WAITING (ожидание)");
            }
            entity.setRole(draft.role());
            boolean taken = Lookups.auditoriumEntities(em, venueId).stream().anyMatch(a -> a.getNumber().equals(entity.getNumber()));
            if (taken) {
                throw new ConflictException("duplicate-code", "Аудитория " + entity.getNumber() + " в этом ППЭ уже есть");
            }
            em.persist(entity);
            em.flush();
            return entity.toRecord();
        });
        guard.audit(AuditActions.CREATED, "auditorium", String.valueOf(created.id()), Map.of(),
                AuditDetails.of(created));
        return created;
    }

    @Override
    public List<ExamDay> examDays(String schoolYear) {
        guard.require(Permission.REGISTRY_READ);
        return tx.call(em -> {
            String year = Text.clean(schoolYear);
            TypedQuery<ExamDayEntity> query = year == null
                    ? em.createQuery("SELECT d FROM ExamDayEntity d ORDER BY d.date", ExamDayEntity.class)
                    : em.createQuery("SELECT d FROM ExamDayEntity d WHERE d.schoolYear = :year ORDER BY d.date",
                            ExamDayEntity.class).setParameter("year", year);
            return query.getResultList().stream().map(ExamDayEntity::toRecord).toList();
        });
    }

    @Override
    public ExamDay examDay(long id) {
        guard.require(Permission.REGISTRY_READ);
        return tx.call(em -> Lookups.examDayEntity(em, id).toRecord());
    }

    @Override
    public ExamDay createExamDay(ExamDayDraft draft) {
        guard.require(Permission.EXAM_DAYS_EDIT, Territory.region());
        ExamDay created = tx.call(em -> {
            if (draft.date() == null) {
                throw new InvalidInputException("date", "Укажите дату проведения (ГГГГ-ММ-ДД)");
            }
            if (draft.kind() == null) {
                throw new InvalidInputException("kind", "Укажите вид дня: MAIN (основной) или ADDITIONAL (дополнительный)");
            }
            // A year the databases cannot store failed the query with a 500; no exam day lies outside these.
            if (draft.date().getYear() < 2000 || draft.date().getYear() > 2099) {
                throw new InvalidInputException("date", "Дата проведения " + draft.date()
                        + " вне допустимого диапазона: ожидается дата с 2000 по 2099 год");
            }
            String year = draft.schoolYear() == null ? SchoolYears.of(draft.date()) : SchoolYears.check(draft.schoolYear(), draft.date());
            boolean taken = !em.createQuery("SELECT d FROM ExamDayEntity d WHERE d.date = :date", ExamDayEntity.class)
                    .setParameter("date", draft.date()).getResultList().isEmpty();
            if (taken) {
                throw new ConflictException("duplicate-exam-day", "День проведения " + draft.date() + " уже есть");
            }
            ExamDayEntity entity = new ExamDayEntity();
            entity.setDate(draft.date());
            entity.setKind(draft.kind());
            entity.setSchoolYear(year);
            em.persist(entity);
            em.flush();
            return entity.toRecord();
        });
        guard.audit(AuditActions.CREATED, "exam-day", String.valueOf(created.id()), Map.of(), AuditDetails.of(created));
        return created;
    }

    /** A school named in a form: an unknown code is a mistake in that field (422), not a missing page. */
    private static SchoolEntity knownSchool(EntityManager em, String code) {
        SchoolEntity school = Lookups.findSchool(em, code);
        if (school == null) {
            throw InvalidInputException.rule("unknown-school", "schoolCode", "ОО с кодом «" + code + "» нет в реестре");
        }
        return school;
    }

    /** A venue at a school lies in that school; a venue of its own (chosen by the region) in the region. */
    private void requireVenue(EntityManager em, Permission permission, VenueEntity venue) {
        if (venue.getSchoolId() == null) {
            guard.require(permission, Territory.region());
        } else {
            guard.requireSchool(em, permission, venue.getSchoolId());
        }
    }

    private static void fill(MunicipalityEntity entity, MunicipalityDraft draft) {
        entity.setCode(Codes.check("code", "Код МОУО", draft.code()));
        entity.setName(Text.required("name", "Наименование", draft.name(), 300));
    }

    private MunicipalityEntity fill(EntityManager em, SchoolEntity entity, SchoolDraft draft) {
        entity.setCode(Codes.check("code", "Код ОО", draft.code()));
        entity.setName(Text.required("name", "Наименование", draft.name(), 500));
        entity.setShortName(Text.optional("shortName", "Краткое наименование", draft.shortName(), 200));
        entity.setAddress(Text.optional("address", "Адрес", draft.address(), 500));
        String municipalityCode = Text.clean(draft.municipalityCode());
        if (municipalityCode == null) {
            throw new InvalidInputException("municipalityCode", "Укажите код МОУО, к которому относится ОО");
        }
        MunicipalityEntity municipality = Lookups.findMunicipality(em, municipalityCode);
        if (municipality == null) {
            throw InvalidInputException.rule("unknown-municipality", "municipalityCode",
                    "МОУО с кодом «" + municipalityCode + "» нет в реестре");
        }
        entity.setMunicipalityId(municipality.getId());
        return municipality;
    }

    private static Venue toRecord(VenueEntity venue, String schoolCode) {
        return new Venue(venue.getId(), venue.getCode(), venue.getName(), venue.getAddress(), schoolCode);
    }

    /** The school year a date falls in: September to August, written 2025/26. */
    static final class SchoolYears {
        private SchoolYears() {
        }

        static String of(LocalDate date) {
            int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
            return start + "/" + String.format("%02d", (start + 1) % 100);
        }

        static String check(String schoolYear, LocalDate date) {
            String expected = of(date);
            if (!expected.equals(schoolYear.strip())) {
                throw new InvalidInputException("schoolYear",
                        "Дата " + date + " относится к " + expected + " учебному году, а не к «" + schoolYear.strip() + "»");
            }
            return expected;
        }
    }
}
