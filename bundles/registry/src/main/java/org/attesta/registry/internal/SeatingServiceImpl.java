package org.attesta.registry.internal;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.security.Permission;
import org.apache.aries.jpa.template.JpaTemplate;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.registry.Assignment;
import org.attesta.api.registry.AuditoriumRole;
import org.attesta.api.registry.Seat;
import org.attesta.api.registry.SeatMove;
import org.attesta.api.registry.Seating;
import org.attesta.api.registry.SeatingOptions;
import org.attesta.api.registry.SeatingService;
import org.attesta.registry.internal.entity.AuditoriumEntity;
import org.attesta.registry.internal.entity.ParticipantEntity;
import org.attesta.registry.internal.entity.SchoolEntity;
import org.attesta.registry.internal.entity.SeatEntity;
import org.attesta.registry.internal.seating.Candidate;
import org.attesta.registry.internal.seating.PlannerSettings;
import org.attesta.registry.internal.seating.Room;
import org.attesta.registry.internal.seating.SeatingPlan;
import org.attesta.registry.internal.seating.SeatingPlanner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Seating stored per exam day and participant; the planning itself is {@link SeatingPlanner}'s.
 * A school's seats are replaced as a whole in one transaction, so a reader never sees half a plan.
 */
@Component(service = SeatingService.class, configurationPid = RegistryConfig.PID)
public class SeatingServiceImpl implements SeatingService {
    private final Tx tx;
    private final Guard guard;
    private volatile PlannerSettings settings;

    @Activate
    public SeatingServiceImpl(@Reference(target = "(osgi.unit.name=attesta-registry)") JpaTemplate jpa,
            @Reference Guard guard, RegistryConfig config) {
        this.tx = new Tx(jpa);
        this.guard = guard;
        modified(config);
    }

    @Modified
    void modified(RegistryConfig config) {
        LocalTime start;
        try {
            start = LocalTime.parse(config.seating_start());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("seating_start", "Время начала должно быть ЧЧ:ММ: " + config.seating_start());
        }
        settings = new PlannerSettings(start, config.seating_slot_minutes(), config.seating_changeover_minutes());
    }

    @Override
    public Seating compute(long examDayId, String schoolCode, SeatingOptions options) {
        Seating seating = tx.call(em -> {
            SchoolDay day = load(em, examDayId, schoolCode, Permission.SEATING_EDIT);
            SeatingPlan plan = SeatingPlanner.plan(day.candidates(), day.rooms(), day.seats(), options.keepManual(), settings);
            replaceSeats(em, day, plan.seats());
            return seating(day, plan.seats());
        });
        guard.audit(AuditActions.UPDATED, "seating", examDayId + "/" + seating.schoolCode(), Map.of(),
                Map.of("seats", String.valueOf(seating.seats().size()), "keepManual",
                        String.valueOf(options.keepManual())));
        return seating;
    }

    @Override
    public Seating seating(long examDayId, String schoolCode) {
        return tx.call(em -> {
            SchoolDay day = load(em, examDayId, schoolCode, Permission.REGISTRY_READ);
            return seating(day, day.seats());
        });
    }

    @Override
    public Seating move(long examDayId, SeatMove move) {
        Seating seating = tx.call(em -> {
            ParticipantEntity participant = em.find(ParticipantEntity.class, move.participantId());
            java.util.function.Supplier<NotFoundException> unknown = () -> new NotFoundException("Участника с id "
                    + move.participantId() + " нет");
            if (participant == null) {
                throw unknown.get();
            }
            guard.requireParticipant(em, Permission.SEATING_EDIT, participant.getSchoolId(), unknown);
            SchoolEntity school = em.find(SchoolEntity.class, participant.getSchoolId());
            SchoolDay day = load(em, examDayId, school.getCode(), Permission.SEATING_EDIT);
            Candidate who = day.candidates().stream().filter(c -> c.participantId() == move.participantId()).findFirst()
                    .orElseThrow(() -> InvalidInputException.rule("not-assigned", "participantId",
                            "Участник " + move.participantId() + " не назначен на этот день; сначала назначьте его"));
            List<Seat> seats = SeatingPlanner.move(day.seats(), move, who, day.rooms(), settings);
            replaceSeats(em, day, seats);
            return seating(day, seats);
        });
        guard.audit(AuditActions.UPDATED, "seating", examDayId + "/" + seating.schoolCode(), Map.of(),
                Map.of("moved", String.valueOf(move.participantId()), "auditorium", String.valueOf(move.auditoriumId()),
                        "start", String.valueOf(move.start())));
        return seating;
    }

    /** What the seating of one school on one day depends on, read in one transaction. */
    private record SchoolDay(long examDayId, long schoolId, String schoolCode, List<Candidate> candidates, List<Room> rooms,
            List<Seat> seats, Map<Long, ParticipantEntity> participants) {
    }

    private SchoolDay load(EntityManager em, long examDayId, String schoolCode, Permission permission) {
        Lookups.examDayEntity(em, examDayId);
        SchoolEntity school = Lookups.schoolEntity(em, schoolCode);
        guard.requireSchool(em, permission, school);
        List<ParticipantEntity> assigned = em.createQuery("SELECT p FROM AssignmentEntity a, ParticipantEntity p"
                + " WHERE a.examDayId = :day AND a.participantId = p.id AND p.schoolId = :school", ParticipantEntity.class)
                .setParameter("day", examDayId).setParameter("school", school.getId()).getResultList();
        Map<Long, ParticipantEntity> participants = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (ParticipantEntity p : assigned) {
            participants.put(p.getId(), p);
            candidates.add(new Candidate(p.getId(), shortName(p), p.isSpecialNeeds(), p.getExtraMinutes(),
                    p.getClassName() + " " + p.getSearchKey()));
        }
        List<AuditoriumEntity> auditoriums = em.createQuery("SELECT a FROM AuditoriumEntity a, VenueEntity v"
                + " WHERE a.venueId = v.id AND v.schoolId = :school AND a.role = :role", AuditoriumEntity.class)
                .setParameter("school", school.getId()).setParameter("role", AuditoriumRole.INTERVIEW).getResultList();
        Map<Long, AuditoriumEntity> byId = auditoriums.stream().collect(Collectors.toMap(AuditoriumEntity::getId, a -> a));
        List<Room> rooms = auditoriums.stream().map(a -> new Room(a.getId(), a.getNumber())).toList();
        List<Seat> seats = new ArrayList<>();
        for (SeatEntity s : storedSeats(em, examDayId, school.getId())) {
            ParticipantEntity p = participants.get(s.getParticipantId());
            AuditoriumEntity room = byId.get(s.getAuditoriumId());
            seats.add(new Seat(s.getParticipantId(), p == null ? "" : shortName(p), p != null && p.isSpecialNeeds(),
                    s.getAuditoriumId(), room == null ? "" : room.getNumber(), s.getStart(), s.getEnd(), s.isManual()));
        }
        seats.sort(SeatingPlanner.SEAT_ORDER);
        return new SchoolDay(examDayId, school.getId(), school.getCode(), candidates, rooms, seats, participants);
    }

    private static List<SeatEntity> storedSeats(EntityManager em, long examDayId, long schoolId) {
        return em.createQuery("SELECT s FROM SeatEntity s, ParticipantEntity p WHERE s.examDayId = :day"
                + " AND s.participantId = p.id AND p.schoolId = :school", SeatEntity.class)
                .setParameter("day", examDayId).setParameter("school", schoolId).getResultList();
    }

    private static void replaceSeats(EntityManager em, SchoolDay day, List<Seat> seats) {
        for (SeatEntity stale : storedSeats(em, day.examDayId(), day.schoolId())) {
            em.remove(stale);
        }
        em.flush();
        for (Seat seat : seats) {
            em.persist(new SeatEntity(day.examDayId(), seat.participantId(), seat.auditoriumId(), seat.start(), seat.end(),
                    seat.manual()));
        }
        em.flush();
    }

    private static Seating seating(SchoolDay day, List<Seat> seats) {
        Set<Long> seated = seats.stream().map(Seat::participantId).collect(Collectors.toSet());
        List<Assignment> unseated = day.participants().values().stream()
                .filter(p -> !seated.contains(p.getId()))
                .sorted(Comparator.comparing(ParticipantEntity::getSearchKey).thenComparingLong(ParticipantEntity::getId))
                .map(p -> new Assignment(day.examDayId(), p.getId(), shortName(p), day.schoolCode()))
                .toList();
        return new Seating(day.examDayId(), day.schoolCode(), seats, unseated);
    }

    private static String shortName(ParticipantEntity p) {
        return p.getPatronymic() == null ? p.getSurname() + " " + p.getName()
                : p.getSurname() + " " + p.getName() + " " + p.getPatronymic();
    }
}
