package org.attesta.registry.internal.seating;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.attesta.api.common.ConflictException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.registry.Seat;
import org.attesta.api.registry.SeatMove;

/**
 * Plans the seating (рассадка) of one school on one exam day: participants are interviewed one
 * at a time per interview room, in consecutive slots separated by a changeover.
 *
 * <p>How participants are spread. They are taken in {@link Candidate#ORDER} (by class and name,
 * as people expect to be called in) and each one goes to the room where the interview can start
 * earliest; ties go to the room first in {@link Room#ORDER}. This is list scheduling: without
 * manual seats the times at which the rooms become free never differ by more than the longest
 * slot plus changeover, and for regular participants only by one slot. Sorting ОВЗ participants
 * first (longest processing time first) would balance their longer slots slightly better, but
 * it would reorder people against the class list, and the greedy choice already absorbs a long
 * slot: the rooms without it simply take the next participants.
 *
 * <p>Manual seats. With {@code keepManual} a seat placed by hand keeps its room and start as long
 * as its participant is still a candidate, its room still exists, it starts no earlier than the
 * day and ends before midnight, and it does not clash with a manual seat already kept (the
 * earlier start wins). Its name, ОВЗ flag, room number and end are refreshed from the current
 * inputs, so a corrected name or a changed slot length shows up. Everybody else is planned
 * around the kept seats, filling a gap before a manual seat only when the whole slot plus the
 * changeover fits in it. Non-manual seats of a previous run are never reused: the plan depends
 * only on the candidates, the rooms, the kept manual seats and the settings, which makes it
 * idempotent and independent of the order of the input lists.
 *
 * <p>An interview must end before 24:00; a participant who fits in no room is reported unseated.
 */
public final class SeatingPlanner {

    /** Seats by room (natural order of the number, then id), then by start, then participant. */
    public static final Comparator<Seat> SEAT_ORDER = Comparator
            .comparing(Seat::auditoriumNumber, NaturalOrder.INSTANCE)
            .thenComparingLong(Seat::auditoriumId)
            .thenComparing(Seat::start)
            .thenComparingLong(Seat::participantId);

    /** Which of two clashing manual seats survives: the earlier one, then a fixed tie-break. */
    private static final Comparator<Seat> MANUAL_PRIORITY = Comparator
            .comparing(Seat::start)
            .thenComparingLong(Seat::auditoriumId)
            .thenComparingLong(Seat::participantId)
            .thenComparing(Seat::end);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private SeatingPlanner() {
    }

    /**
     * Computes the seating.
     *
     * @param candidates the participants assigned to the school on the day, each id once
     * @param rooms the school's interview rooms, each id once; empty leaves everybody unseated
     * @param existing the stored seats of a previous run; only manual ones matter, and only when
     *     {@code keepManual} is true
     * @param keepManual keep valid manual seats; false recomputes everything and marks no seat manual
     * @throws IllegalArgumentException when a participant or a room is listed twice
     */
    public static SeatingPlan plan(List<Candidate> candidates, List<Room> rooms, List<Seat> existing,
            boolean keepManual, PlannerSettings settings) {
        Objects.requireNonNull(existing, "existing");
        Objects.requireNonNull(settings, "settings");
        Map<Long, Candidate> candidatesById = indexCandidates(candidates);
        Map<Long, RoomSchedule> schedules = schedulesInRoomOrder(rooms, settings);
        Set<Long> seated = keepManual
                ? keepManualSeats(existing, candidatesById, schedules, settings)
                : Set.of();
        List<Long> unseated = new ArrayList<>();
        candidatesById.values().stream()
                .sorted(Candidate.ORDER)
                .filter(candidate -> !seated.contains(candidate.participantId()))
                .forEach(candidate -> {
                    if (!placeEarliest(candidate, schedules.values(), settings)) {
                        unseated.add(candidate.participantId());
                    }
                });
        List<Seat> seats = schedules.values().stream().flatMap(schedule -> schedule.seats().stream()).toList();
        return new SeatingPlan(seats, unseated);
    }

    /**
     * Checks a manual move and applies it to the current seats.
     *
     * @param current the stored seats of the school and day
     * @param who the participant being moved; must be the one named in {@code move}
     * @param rooms the school's interview rooms
     * @return the seats with {@code who}'s seat (added if there was none) replaced by a manual
     *     one, in {@link #SEAT_ORDER}
     * @throws InvalidInputException when the room is not one of {@code rooms}, or the start is
     *     before the day's start, not a whole minute, or the interview would not end before 24:00
     * @throws ConflictException ({@code seat-conflict}) when the slot plus changeover overlaps
     *     another seat in the room
     */
    public static List<Seat> move(List<Seat> current, SeatMove move, Candidate who, List<Room> rooms,
            PlannerSettings settings) {
        if (move.participantId() != who.participantId()) {
            throw new IllegalArgumentException("move of participant " + move.participantId()
                    + " given candidate " + who.participantId());
        }
        Room room = interviewRoom(rooms, move.auditoriumId());
        int start = checkedStart(move.start(), settings);
        int end = start + who.durationMinutes(settings);
        if (!DayTime.endsToday(end)) {
            throw InvalidInputException.rule("seat-after-midnight", "start", "Собеседование с "
                    + CLOCK.format(move.start()) + " длительностью " + who.durationMinutes(settings)
                    + " мин. не закончится до 24:00");
        }
        List<Seat> others = current.stream().filter(seat -> seat.participantId() != who.participantId()).toList();
        RoomSchedule schedule = new RoomSchedule(room, settings.changeoverMinutes());
        others.stream().filter(seat -> seat.auditoriumId() == room.auditoriumId()).forEach(schedule::add);
        schedule.firstClash(start, end).ifPresent(clash -> {
            throw conflict(room, clash, start, end, settings);
        });
        List<Seat> moved = new ArrayList<>(others);
        moved.add(seatOf(who, room, start, end, true));
        moved.sort(SEAT_ORDER);
        return List.copyOf(moved);
    }

    private static Map<Long, Candidate> indexCandidates(List<Candidate> candidates) {
        Map<Long, Candidate> byId = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            if (byId.putIfAbsent(candidate.participantId(), candidate) != null) {
                throw new IllegalArgumentException("participant listed twice: " + candidate.participantId());
            }
        }
        return byId;
    }

    /** Iteration order of the result is the room order, which the seats of the plan follow. */
    private static Map<Long, RoomSchedule> schedulesInRoomOrder(List<Room> rooms, PlannerSettings settings) {
        Map<Long, RoomSchedule> byId = new LinkedHashMap<>();
        rooms.stream().sorted(Room.ORDER).forEach(room -> {
            if (byId.putIfAbsent(room.auditoriumId(), new RoomSchedule(room, settings.changeoverMinutes())) != null) {
                throw new IllegalArgumentException("room listed twice: " + room.auditoriumId());
            }
        });
        return byId;
    }

    /** Puts the valid manual seats into their rooms and returns whose seats were kept. */
    private static Set<Long> keepManualSeats(List<Seat> existing, Map<Long, Candidate> candidates,
            Map<Long, RoomSchedule> schedules, PlannerSettings settings) {
        Set<Long> kept = new HashSet<>();
        existing.stream()
                .filter(Seat::manual)
                .filter(seat -> candidates.containsKey(seat.participantId()))
                .filter(seat -> schedules.containsKey(seat.auditoriumId()))
                .sorted(MANUAL_PRIORITY)
                .forEach(seat -> {
                    Candidate candidate = candidates.get(seat.participantId());
                    if (!kept.contains(seat.participantId())
                            && keep(seat, candidate, schedules.get(seat.auditoriumId()), settings)) {
                        kept.add(seat.participantId());
                    }
                });
        return kept;
    }

    private static boolean keep(Seat seat, Candidate candidate, RoomSchedule schedule, PlannerSettings settings) {
        int start = DayTime.startOf(seat);
        int end = start + candidate.durationMinutes(settings);
        boolean valid = start >= DayTime.minutes(settings.start())
                && DayTime.endsToday(end)
                && schedule.firstClash(start, end).isEmpty();
        if (valid) {
            schedule.add(seatOf(candidate, schedule.room(), start, end, true));
        }
        return valid;
    }

    /** Seats the candidate where the interview starts earliest; false when no room has time today. */
    private static boolean placeEarliest(Candidate candidate, Collection<RoomSchedule> schedules,
            PlannerSettings settings) {
        int duration = candidate.durationMinutes(settings);
        int dayStart = DayTime.minutes(settings.start());
        RoomSchedule best = null;
        int bestStart = Integer.MAX_VALUE;
        for (RoomSchedule schedule : schedules) {
            int start = schedule.earliestStart(dayStart, duration);
            if (start < bestStart) {
                best = schedule;
                bestStart = start;
            }
        }
        if (best == null || !DayTime.endsToday(bestStart + duration)) {
            return false;
        }
        best.add(seatOf(candidate, best.room(), bestStart, bestStart + duration, false));
        return true;
    }

    private static Room interviewRoom(List<Room> rooms, long auditoriumId) {
        return rooms.stream()
                .filter(room -> room.auditoriumId() == auditoriumId)
                .findFirst()
                .orElseThrow(() -> InvalidInputException.rule("seat-room-not-interview", "auditoriumId",
                        "Аудитория не относится к аудиториям проведения собеседования этой школы"));
    }

    private static int checkedStart(LocalTime start, PlannerSettings settings) {
        if (start == null) {
            throw new InvalidInputException("start", "Не указано время начала собеседования участника");
        }
        if (start.getSecond() != 0 || start.getNano() != 0) {
            throw new InvalidInputException("start", "Время начала указывается с точностью до минуты");
        }
        if (start.isBefore(settings.start())) {
            throw InvalidInputException.rule("seat-before-start", "start", "Собеседование начинается в "
                    + CLOCK.format(settings.start()) + ", участника нельзя посадить на " + CLOCK.format(start));
        }
        return DayTime.minutes(start);
    }

    private static ConflictException conflict(Room room, Seat clash, int start, int end, PlannerSettings settings) {
        String message = "Аудитория " + room.number() + " занята с " + CLOCK.format(clash.start()) + " до "
                + CLOCK.format(clash.end()) + " (" + clash.participantName() + ")";
        // Without the changeover the two interviews would not overlap; say why it still clashes.
        boolean onlyChangeover = start >= DayTime.endOf(clash) || end <= DayTime.startOf(clash);
        if (onlyChangeover) {
            message += "; между участниками нужен перерыв " + settings.changeoverMinutes() + " мин.";
        }
        return new ConflictException("seat-conflict", message);
    }

    private static Seat seatOf(Candidate candidate, Room room, int start, int end, boolean manual) {
        return new Seat(candidate.participantId(), candidate.name(), candidate.specialNeeds(),
                room.auditoriumId(), room.number(), DayTime.time(start), DayTime.time(end), manual);
    }
}
