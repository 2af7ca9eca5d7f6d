package org.attesta.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Territory;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.attesta.api.common.ConflictException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.Page;
import org.attesta.api.common.Problem;
import org.attesta.api.registry.Participant;
import org.attesta.api.registry.ParticipantCategory;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.api.registry.ParticipantQuery;
import org.attesta.api.registry.ParticipantService;
import org.attesta.registry.internal.entity.ParticipantEntity;
import org.attesta.registry.internal.entity.SchoolEntity;
import org.attesta.registry.internal.imports.DraftRows;
import org.attesta.registry.internal.imports.DuplicateKeys;
import org.attesta.registry.internal.imports.RowValidator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

@Component(service = ParticipantService.class, configurationPid = RegistryConfig.PID)
@Designate(ocd = RegistryConfig.class)
public class ParticipantServiceImpl implements ParticipantService {
    private final Tx tx;
    private final RowValidator validator = new RowValidator(Clock.systemDefaultZone());
    private volatile int specialNeedsExtraMinutes;

    private final Guard guard;
    private final SealedPersonalData sealed;

    @Activate
    public ParticipantServiceImpl(@Reference(target = "(osgi.unit.name=attesta-registry)") JpaTemplate jpa,
            @Reference Guard guard, @Reference SealedPersonalData sealed, RegistryConfig config) {
        this.tx = new Tx(jpa);
        this.guard = guard;
        this.sealed = sealed;
        modified(config);
    }

    @Modified
    void modified(RegistryConfig config) {
        specialNeedsExtraMinutes = config.special_needs_extra_minutes();
    }

    @Override
    public Page<Participant> search(ParticipantQuery query) {
        return tx.call(em -> {
            List<Long> schoolIds = Guard.within(schoolFilter(em, query),
                    guard.visibleSchoolIds(em, Permission.PARTICIPANTS_READ));
            String text = Text.searchKey(query.text());
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> parameters = new HashMap<>();
            if (schoolIds != null) {
                if (schoolIds.isEmpty()) {
                    return new Page<Participant>(List.of(), 0);
                }
                where.append(" AND p.schoolId IN :schools");
                parameters.put("schools", schoolIds);
            }
            if (!text.isEmpty()) {
                where.append(" AND p.searchKey LIKE :text ESCAPE '\\'");
                parameters.put("text", Text.likePrefix(text));
            }
            // The page's ids come from an index alone (search_key, id, school_id or school_id,
            // search_key, id); only those rows are read. Skipping rows of a deep page stays cheap.
            TypedQuery<Long> ids = em.createQuery("SELECT p.id FROM ParticipantEntity p" + where
                    + " ORDER BY p.searchKey, p.id", Long.class);
            parameters.forEach(ids::setParameter);
            List<Long> pageIds = ids.setFirstResult(query.page().offset()).setMaxResults(query.page().size())
                    .getResultList();
            List<Participant> items = participants(em, pageIds);
            boolean lastPage = items.size() < query.page().size() && (query.page().page() == 0 || !items.isEmpty());
            long total;
            if (lastPage) {
                total = query.page().offset() + items.size();
            } else if (text.isEmpty()) {
                total = ParticipantCounts.total(em, schoolIds);
            } else {
                TypedQuery<Long> count = em.createQuery("SELECT COUNT(p.id) FROM ParticipantEntity p" + where, Long.class);
                parameters.forEach(count::setParameter);
                total = count.getSingleResult();
            }
            return new Page<>(items, total);
        });
    }

    /** The schools a query is limited to, or null for every school. */
    private List<Long> schoolFilter(EntityManager em, ParticipantQuery query) {
        List<Long> schoolIds = null;
        if (query.municipalityCode() != null) {
            long municipality = Lookups.municipalityEntity(em, query.municipalityCode()).getId();
            guard.requireMunicipality(Permission.PARTICIPANTS_READ, query.municipalityCode());
            schoolIds = em.createQuery("SELECT s.id FROM SchoolEntity s WHERE s.municipalityId = :m", Long.class)
                    .setParameter("m", municipality).getResultList();
        }
        if (query.schoolCode() != null) {
            SchoolEntity entity = Lookups.schoolEntity(em, query.schoolCode());
            guard.requireSchool(em, Permission.PARTICIPANTS_READ, entity);
            long school = entity.getId();
            schoolIds = schoolIds == null || schoolIds.contains(school) ? List.of(school) : List.of();
        }
        return schoolIds;
    }

    /** The participants with these ids, in the order of the ids. */
    private List<Participant> participants(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ParticipantEntity> rows = new HashMap<>();
        em.createQuery("SELECT p FROM ParticipantEntity p WHERE p.id IN :ids", ParticipantEntity.class)
                .setParameter("ids", ids).getResultList().forEach(p -> rows.put(p.getId(), p));
        List<ParticipantEntity> ordered = ids.stream().map(rows::get).toList();
        Map<Long, String> schoolCodes = schoolCodes(em, ordered);
        // Lists never show documents in full: one person at a time, audited, through participant(id).
        return ordered.stream().map(p -> Masking.mask(ParticipantMapping.toRecord(p, schoolCodes.get(p.getSchoolId()), sealed)))
                .toList();
    }

    /** The codes of the schools of one page of participants, in one query. */
    private static Map<Long, String> schoolCodes(EntityManager em, List<ParticipantEntity> rows) {
        Map<Long, String> codes = new HashMap<>();
        List<Long> ids = rows.stream().map(ParticipantEntity::getSchoolId).distinct().toList();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT s.id, s.code FROM SchoolEntity s WHERE s.id IN :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> codes.put((Long) row[0], (String) row[1]));
        }
        return codes;
    }

    @Override
    public Participant participant(long id) {
        boolean[] full = new boolean[1];
        Participant participant = tx.call(em -> {
            ParticipantEntity entity = entity(em, id);
            guard.requireParticipant(em, Permission.PARTICIPANTS_READ, entity.getSchoolId(), () -> unknown(id));
            SchoolEntity school = em.find(SchoolEntity.class, entity.getSchoolId());
            Territory territory = Guard.territory(em, school);
            full[0] = guard.allows(Permission.PERSONAL_DATA_READ, territory);
            return ParticipantMapping.toRecord(entity, school.getCode(), sealed);
        });
        if (!full[0]) {
            return Masking.mask(participant);
        }
        guard.audit(AuditActions.PERSONAL_DATA_VIEWED, "participant", String.valueOf(id), Map.of(), Map.of());
        return participant;
    }

    @Override
    public Participant create(ParticipantDraft draft) {
        Participant created = tx.call(em -> {
            ParticipantEntity entity = new ParticipantEntity();
            SchoolEntity school = fill(em, entity, draft);
            em.persist(entity);
            em.flush();
            ParticipantCounts.add(em, school.getId(), 1);
            return ParticipantMapping.toRecord(entity, school.getCode(), sealed);
        });
        guard.audit(AuditActions.CREATED, "participant", String.valueOf(created.id()), Map.of(),
                AuditDetails.of(created));
        return created;
    }

    @Override
    public Participant update(long id, ParticipantDraft draft) {
        Participant[] before = new Participant[1];
        Participant updated = tx.call(em -> {
            ParticipantEntity entity = entity(em, id);
            guard.requireParticipant(em, Permission.PARTICIPANTS_EDIT, entity.getSchoolId(), () -> unknown(id));
            SchoolEntity previous = em.find(SchoolEntity.class, entity.getSchoolId());
            before[0] = ParticipantMapping.toRecord(entity, previous.getCode(), sealed);
            long previousSchool = entity.getSchoolId();
            SchoolEntity school = fill(em, entity, draft);
            em.flush();
            if (previousSchool != school.getId()) {
                ParticipantCounts.add(em, previousSchool, -1);
                ParticipantCounts.add(em, school.getId(), 1);
            }
            return ParticipantMapping.toRecord(entity, school.getCode(), sealed);
        });
        Map<String, Map<String, String>> change = AuditDetails.changes(before[0], updated);
        guard.audit(AuditActions.UPDATED, "participant", String.valueOf(id), change.get("before"), change.get("after"));
        return updated;
    }

    @Override
    public void delete(long id) {
        Participant[] before = new Participant[1];
        tx.run(em -> {
            ParticipantEntity doomed = entity(em, id);
            guard.requireParticipant(em, Permission.PARTICIPANTS_EDIT, doomed.getSchoolId(), () -> unknown(id));
            SchoolEntity school = em.find(SchoolEntity.class, doomed.getSchoolId());
            before[0] = ParticipantMapping.toRecord(doomed, school.getCode(), sealed);
            long schoolId = doomed.getSchoolId();
            em.createQuery("DELETE FROM SeatEntity s WHERE s.participantId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("DELETE FROM AssignmentEntity a WHERE a.participantId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("DELETE FROM ParticipantEntity p WHERE p.id = :id").setParameter("id", id).executeUpdate();
            ParticipantCounts.add(em, schoolId, -1);
        });
        guard.audit(AuditActions.DELETED, "participant", String.valueOf(id), AuditDetails.of(before[0]), Map.of());
    }

    private SchoolEntity fill(EntityManager em, ParticipantEntity entity, ParticipantDraft input) {
        ParticipantDraft draft = checked(input);
        SchoolEntity school = Lookups.findSchool(em, draft.schoolCode());
        if (school == null) {
            throw InvalidInputException.rule("unknown-school", "schoolCode",
                    "ОО с кодом «" + draft.schoolCode() + "» нет в реестре");
        }
        guard.requireSchool(em, Permission.PARTICIPANTS_EDIT, school);
        String documentKey = sealed.documentKey(draft.document());
        String snilsKey = sealed.snilsKey(draft.snils());
        rejectDuplicate(em, entity.getId(), "documentKey", documentKey,
                "Участник с таким документом уже есть в реестре");
        if (snilsKey != null) {
            rejectDuplicate(em, entity.getId(), "snilsKey", snilsKey, "Участник с таким СНИЛС уже есть в реестре");
        }
        ParticipantRecords.fill(entity, draft, school.getId(), sealed, extraMinutes(input));
        return school;
    }

    /**
     * The draft normalised by the same rules an import applies, plus what only a form carries
     * (category, extra minutes, consent date).
     */
    private ParticipantDraft checked(ParticipantDraft input) {
        RowValidator.Validated validated = validator.validate(DraftRows.toRow(input));
        List<Problem> problems = new ArrayList<>(validated.problems());
        if (input.extraMinutes() != null && (input.extraMinutes() < 0 || input.extraMinutes() > 240)) {
            problems.add(new Problem(0, "extraMinutes", "Дополнительное время должно быть от 0 до 240 минут: "
                    + input.extraMinutes()));
        }
        if (input.consentDate() != null && input.consentDate().isAfter(LocalDate.now())) {
            problems.add(new Problem(0, "consentDate", "Дата согласия на обработку ПДн в будущем: " + input.consentDate()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid-participant",
                    "Данные участника не прошли проверку: " + problems.get(0).message()
                            + (problems.size() > 1 ? " (и ещё " + (problems.size() - 1) + ")" : ""),
                    problems, false);
        }
        ParticipantDraft draft = validated.draft();
        return new ParticipantDraft(draft.surname(), draft.name(), draft.patronymic(), draft.birthDate(), draft.sex(),
                draft.document(), draft.snils(), draft.schoolCode(), draft.className(),
                input.category() == null ? ParticipantCategory.STUDENT : input.category(), draft.specialNeeds(),
                input.extraMinutes(), input.consentDate());
    }

    private int extraMinutes(ParticipantDraft draft) {
        if (draft.extraMinutes() != null) {
            return draft.extraMinutes();
        }
        return draft.specialNeeds() ? specialNeedsExtraMinutes : 0;
    }

    /** A clash names the other record only when the caller may read it (see {@link DuplicateKeys#REGISTERED_ELSEWHERE}). */
    private void rejectDuplicate(EntityManager em, long ownId, String keyField, String key, String message) {
        List<Object[]> owners = em.createQuery("SELECT p.id, p.schoolId FROM ParticipantEntity p WHERE p." + keyField
                + " = :key", Object[].class).setParameter("key", key).getResultList();
        if (owners.isEmpty() || (Long) owners.get(0)[0] == ownId) {
            return;
        }
        throw new ConflictException("duplicate-participant", guard.seesParticipantsOf(em, (Long) owners.get(0)[1])
                ? message + " (id " + owners.get(0)[0] + ")" : DuplicateKeys.REGISTERED_ELSEWHERE);
    }

    private static ParticipantEntity entity(EntityManager em, long id) {
        ParticipantEntity entity = em.find(ParticipantEntity.class, id);
        if (entity == null) {
            throw unknown(id);
        }
        return entity;
    }

    /** The one answer for an id that does not exist and for one outside the caller's territory. */
    static NotFoundException unknown(long id) {
        return new NotFoundException("Участника с id " + id + " нет");
    }
}
