package org.attesta.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.Query;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Territory;
import org.attesta.registry.internal.entity.SchoolEntity;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.attesta.api.common.Problem;
import org.attesta.api.registry.Assignment;
import org.attesta.api.registry.AssignmentService;
import org.attesta.registry.internal.entity.AssignmentEntity;
import org.attesta.registry.internal.entity.EntityKey;
import org.attesta.registry.internal.entity.ExamDayEntity;
import org.attesta.registry.internal.entity.ParticipantEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AssignmentService.class)
public class AssignmentServiceImpl implements AssignmentService {
    private static final int MAX_IDS = 10_000;
    private final Tx tx;
    private final Guard guard;

    @Activate
    public AssignmentServiceImpl(@Reference(target = "(osgi.unit.name=attesta-registry)") JpaTemplate jpa,
            @Reference Guard guard) {
        this.tx = new Tx(jpa);
        this.guard = guard;
    }

    @Override
    public Page<Assignment> assignments(long examDayId, String schoolCode, PageRequest page) {
        return tx.call(em -> {
            Lookups.examDayEntity(em, examDayId);
            String where = " FROM AssignmentEntity a, ParticipantEntity p, SchoolEntity s"
                    + " WHERE a.examDayId = :day AND a.participantId = p.id AND p.schoolId = s.id";
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("day", examDayId);
            if (schoolCode != null) {
                SchoolEntity school = Lookups.schoolEntity(em, schoolCode);
                guard.requireSchool(em, Permission.REGISTRY_READ, school);
                where += " AND p.schoolId = :school";
                parameters.put("school", school.getId());
            }
            List<Long> visible = guard.visibleSchoolIds(em, Permission.REGISTRY_READ);
            if (visible != null) {
                if (visible.isEmpty()) {
                    return new Page<Assignment>(List.of(), 0);
                }
                where += " AND p.schoolId IN :visible";
                parameters.put("visible", visible);
            }
            TypedQuery<Object[]> select = em.createQuery("SELECT p, s.code" + where + " ORDER BY s.code, p.searchKey, p.id",
                    Object[].class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a)" + where, Long.class);
            parameters.forEach((name, value) -> {
                select.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<Assignment> items = new ArrayList<>();
            for (Object[] row : select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()) {
                ParticipantEntity participant = (ParticipantEntity) row[0];
                items.add(new Assignment(examDayId, participant.getId(),
                        ParticipantMapping.fullName(participant), (String) row[1]));
            }
            return new Page<>(items, count.getSingleResult());
        });
    }

    @Override
    public int assign(long examDayId, Collection<Long> participantIds) {
        if (participantIds.size() > MAX_IDS) {
            throw new InvalidInputException("participantIds",
                    "За один раз можно назначить не более " + MAX_IDS + " участников; назначьте ОО целиком");
        }
        return tx.call(em -> {
            Lookups.examDayEntity(em, examDayId);
            Set<Long> ids = new LinkedHashSet<>(participantIds);
            List<Problem> missing = new ArrayList<>();
            for (Long id : ids) {
                ParticipantEntity participant = id == null ? null : em.find(ParticipantEntity.class, id);
                Problem unknown = new Problem(0, "participantIds", "Участника с id " + id + " нет");
                if (participant == null) {
                    missing.add(unknown);
                } else {
                    try {
                        guard.requireParticipant(em, Permission.SEATING_EDIT, participant.getSchoolId(),
                                () -> new NotFoundException(unknown.message()));
                    } catch (NotFoundException foreign) {
                        missing.add(unknown);
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException("unknown-participant",
                        "Не найдены участники: " + missing.size() + " из " + ids.size(), missing, true);
            }
            int added = 0;
            for (Long id : ids) {
                if (em.find(AssignmentEntity.class, new EntityKey(examDayId, id)) == null) {
                    em.persist(new AssignmentEntity(examDayId, id));
                    added++;
                }
            }
            if (added > 0) {
                guard.audit(AuditActions.UPDATED, "exam-day", String.valueOf(examDayId), Map.of(),
                        Map.of("assigned", String.valueOf(added)));
            }
            return added;
        });
    }

    @Override
    public int assignAll(long examDayId, String schoolCode) {
        int assigned = tx.call(em -> {
            ExamDayEntity day = Lookups.examDayEntity(em, examDayId);
            if (schoolCode == null) {
                guard.require(Permission.SEATING_EDIT, Territory.region());
            } else {
                guard.requireSchool(em, Permission.SEATING_EDIT, Lookups.schoolEntity(em, schoolCode));
            }
            // One statement, so assigning a whole region does not load a participant into memory.
            String sql = "INSERT INTO assignment (exam_day_id, participant_id) SELECT ?, p.id FROM participant p"
                    + " WHERE NOT EXISTS (SELECT 1 FROM assignment a, exam_day d WHERE a.participant_id = p.id"
                    + " AND a.exam_day_id = d.id AND d.kind = ? AND d.school_year = ?)"
                    + (schoolCode == null ? "" : " AND p.school_id = ?");
            Query insert = em.createNativeQuery(sql).setParameter(1, examDayId).setParameter(2, day.getKind().name())
                    .setParameter(3, day.getSchoolYear());
            if (schoolCode != null) {
                insert.setParameter(4, Lookups.schoolEntity(em, schoolCode).getId());
            }
            return insert.executeUpdate();
        });
        guard.audit(AuditActions.UPDATED, "exam-day", String.valueOf(examDayId), Map.of(),
                Map.of("assigned", String.valueOf(assigned), "school", schoolCode == null ? "*" : schoolCode));
        return assigned;
    }

    @Override
    public void unassign(long examDayId, long participantId) {
        tx.run(em -> {
            Lookups.examDayEntity(em, examDayId);
            AssignmentEntity assignment = em.find(AssignmentEntity.class, new EntityKey(examDayId, participantId));
            java.util.function.Supplier<NotFoundException> unknown = () -> new NotFoundException("Участник "
                    + participantId + " не назначен на этот день");
            if (assignment == null) {
                throw unknown.get();
            }
            guard.requireParticipant(em, Permission.SEATING_EDIT,
                    em.find(ParticipantEntity.class, participantId).getSchoolId(), unknown);
            em.createQuery("DELETE FROM SeatEntity s WHERE s.examDayId = :day AND s.participantId = :participant")
                    .setParameter("day", examDayId).setParameter("participant", participantId).executeUpdate();
            em.remove(assignment);
        });
        guard.audit(AuditActions.UPDATED, "exam-day", String.valueOf(examDayId), Map.of(),
                Map.of("unassigned", String.valueOf(participantId)));
    }
}
