package org.attesta.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
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

    @Activate
    public ParticipantServiceImpl(@Reference(target = "(osgi.unit.name=attesta-registry)") JpaTemplate jpa,
            RegistryConfig config) {
        this.tx = new Tx(jpa);
        modified(config);
    }

    @Modified
    void modified(RegistryConfig config) {
        specialNeedsExtraMinutes = config.special_needs_extra_minutes();
    }

    @Override
    public Page<Participant> search(ParticipantQuery query) {
        return tx.call(em -> {
            StringBuilder where = new StringBuilder(" WHERE p.schoolId = s.id");
            Map<String, Object> parameters = new HashMap<>();
            if (query.schoolCode() != null) {
                where.append(" AND p.schoolId = :school");
                parameters.put("school", Lookups.schoolEntity(em, query.schoolCode()).getId());
            }
            if (query.municipalityCode() != null) {
                where.append(" AND s.municipalityId = :municipality");
                parameters.put("municipality", Lookups.municipalityEntity(em, query.municipalityCode()).getId());
            }
            String text = Text.searchKey(query.text());
            if (!text.isEmpty()) {
                where.append(" AND p.searchKey LIKE :text ESCAPE '\\'");
                parameters.put("text", Text.likePrefix(text));
            }
            String from = " FROM ParticipantEntity p, SchoolEntity s";
            TypedQuery<Object[]> select = em.createQuery("SELECT p, s.code" + from + where + " ORDER BY p.searchKey, p.id",
                    Object[].class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(p)" + from + where, Long.class);
            parameters.forEach((name, value) -> {
                select.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<Participant> items = select.setFirstResult(query.page().offset()).setMaxResults(query.page().size())
                    .getResultList().stream()
                    .map(row -> ParticipantMapping.toRecord((ParticipantEntity) row[0], (String) row[1])).toList();
            long total = items.size() < query.page().size() && (query.page().page() == 0 || !items.isEmpty())
                    ? query.page().offset() + items.size()
                    : count.getSingleResult();
            return new Page<>(items, total);
        });
    }

    @Override
    public Participant participant(long id) {
        return tx.call(em -> {
            ParticipantEntity entity = entity(em, id);
            return ParticipantMapping.toRecord(entity, em.find(SchoolEntity.class, entity.getSchoolId()).getCode());
        });
    }

    @Override
    public Participant create(ParticipantDraft draft) {
        return tx.call(em -> {
            ParticipantEntity entity = new ParticipantEntity();
            SchoolEntity school = fill(em, entity, draft);
            em.persist(entity);
            em.flush();
            return ParticipantMapping.toRecord(entity, school.getCode());
        });
    }

    @Override
    public Participant update(long id, ParticipantDraft draft) {
        return tx.call(em -> {
            ParticipantEntity entity = entity(em, id);
            SchoolEntity school = fill(em, entity, draft);
            em.flush();
            return ParticipantMapping.toRecord(entity, school.getCode());
        });
    }

    @Override
    public void delete(long id) {
        tx.run(em -> {
            entity(em, id);
            em.createQuery("DELETE FROM SeatEntity s WHERE s.participantId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("DELETE FROM AssignmentEntity a WHERE a.participantId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("DELETE FROM ParticipantEntity p WHERE p.id = :id").setParameter("id", id).executeUpdate();
        });
    }

    private SchoolEntity fill(EntityManager em, ParticipantEntity entity, ParticipantDraft input) {
        ParticipantDraft draft = checked(input);
        SchoolEntity school = Lookups.findSchool(em, draft.schoolCode());
        if (school == null) {
            throw InvalidInputException.rule("unknown-school", "schoolCode",
                    "ОО с кодом «" + draft.schoolCode() + "» нет в реестре");
        }
        String documentKey = DuplicateKeys.documentKey(draft.document());
        String snilsKey = DuplicateKeys.snilsKey(draft.snils());
        rejectDuplicate(em, entity.getId(), "documentKey", documentKey,
                "Участник с таким документом уже есть в реестре");
        if (snilsKey != null) {
            rejectDuplicate(em, entity.getId(), "snilsKey", snilsKey, "Участник с таким СНИЛС уже есть в реестре");
        }
        ParticipantRecords.fill(entity, draft, school.getId(), documentKey, snilsKey, extraMinutes(input));
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

    private static void rejectDuplicate(EntityManager em, long ownId, String keyField, String key, String message) {
        List<Long> owners = em.createQuery("SELECT p.id FROM ParticipantEntity p WHERE p." + keyField + " = :key", Long.class)
                .setParameter("key", key).getResultList();
        if (!owners.isEmpty() && owners.get(0) != ownId) {
            throw new ConflictException("duplicate-participant", message + " (id " + owners.get(0) + ")");
        }
    }

    private static ParticipantEntity entity(EntityManager em, long id) {
        ParticipantEntity entity = em.find(ParticipantEntity.class, id);
        if (entity == null) {
            throw new NotFoundException("Участника с id " + id + " нет");
        }
        return entity;
    }
}
