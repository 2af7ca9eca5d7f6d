package org.attesta.registry.internal.seating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.attesta.api.common.ConflictException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.registry.Seat;
import org.attesta.api.registry.SeatMove;
import org.junit.jupiter.api.Test;

/**
 * Random seatings (seeded, so a failure names a reproducible seed) checked against the rules the
 * planner promises, each verified by brute force rather than by the planner's own code.
 */
class SeatingPlannerPropertyTest {

    private static final int CASES = 600;
    private static final int DAY_END = 24 * 60;
    private static final List<String> ROOM_NUMBERS =
            List.of("1", "2", "03", "10", "101", "101а", "102", "2б", "Б-3", "актовый зал");
    private static final List<String> SURNAMES =
            List.of("Иванов", "Петров", "Ёлкин", "Егоров", "Жуков", "Абрамова", "Яковлев", "Сидорова");
    private static final List<String> CLASSES = List.of("9А", "9Б", "10А");

    /** How often the interesting situations occurred, to make sure the cases are not vacuous. */
    private final Map<String, Integer> coverage = new TreeMap<>();

    record Case(List<Candidate> candidates, List<Room> rooms, List<Seat> existing, boolean keepManual,
            PlannerSettings settings) {

        SeatingPlan plan() {
            return SeatingPlanner.plan(candidates, rooms, existing, keepManual, settings);
        }

        int dayStart() {
            return minutes(settings.start());
        }

        int changeover() {
            return settings.changeoverMinutes();
        }

        Map<Long, Candidate> candidatesById() {
            return candidates.stream().collect(Collectors.toMap(Candidate::participantId, Function.identity()));
        }

        Map<Long, Room> roomsById() {
            return rooms.stream().collect(Collectors.toMap(Room::auditoriumId, Function.identity()));
        }

        int duration(long participantId) {
            return candidatesById().get(participantId).durationMinutes(settings);
        }
    }

    @Test
    void randomSeatingsKeepEveryRule() {
        for (long seed = 0; seed < CASES; seed++) {
            try {
                checkCase(seed);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
        for (String situation : List.of("unseated", "no rooms", "manual kept", "manual replanned",
                "move done", "move conflict", "move rejected")) {
            assertTrue(coverage.getOrDefault(situation, 0) >= 10, "too few cases of " + situation + ": " + coverage);
        }
    }

    private void checkCase(long seed) {
        Random random = new Random(seed);
        Case input = generate(random);
        SeatingPlan plan = input.plan();

        assertInvariants(input, plan);
        assertEquals(plan, new Case(input.candidates(), input.rooms(), plan.seats(), input.keepManual(),
                input.settings()).plan(), "planning again with the output changed it");
        assertEquals(plan, shuffled(input, random).plan(), "the order of the inputs changed the plan");
        checkMoves(input, plan, random);
    }

    // ---- generation ----

    private Case generate(Random random) {
        PlannerSettings settings = new PlannerSettings(randomStart(random), 5 + random.nextInt(36), random.nextInt(11));
        List<Room> rooms = randomRooms(random);
        List<Candidate> candidates = randomCandidates(random);
        List<Seat> existing = randomExisting(random, candidates, rooms);
        return new Case(candidates, rooms, existing, random.nextInt(10) < 7, settings);
    }

    /** Mostly a morning start; one case in five starts late so that midnight cuts the day. */
    private static LocalTime randomStart(Random random) {
        return random.nextInt(5) == 0
                ? LocalTime.of(21 + random.nextInt(3), random.nextInt(60))
                : LocalTime.of(8 + random.nextInt(2), random.nextInt(4) * 15);
    }

    private static List<Room> randomRooms(Random random) {
        List<String> numbers = new ArrayList<>(ROOM_NUMBERS);
        Collections.shuffle(numbers, random);
        int count = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(5);
        Set<Long> ids = distinctIds(random, count, 500);
        List<Room> rooms = new ArrayList<>();
        int index = 0;
        for (long id : ids) {
            rooms.add(new Room(id, numbers.get(index++)));
        }
        return rooms;
    }

    private static List<Candidate> randomCandidates(Random random) {
        List<Candidate> candidates = new ArrayList<>();
        for (long id : distinctIds(random, random.nextInt(41), 1000)) {
            String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
            String name = surname + " " + id;
            // Same class and surname for several people exercises the tie-break by id.
            String sortKey = CLASSES.get(random.nextInt(CLASSES.size())) + " " + surname;
            boolean specialNeeds = random.nextInt(5) == 0;
            int extra = List.of(0, 15, 30, 45).get(random.nextInt(4));
            candidates.add(new Candidate(id, name, specialNeeds, extra, sortKey));
        }
        return candidates;
    }

    /** Seats of an imagined earlier run: some stale, some clashing, some for people or rooms gone. */
    private static List<Seat> randomExisting(Random random, List<Candidate> candidates, List<Room> rooms) {
        List<Seat> existing = new ArrayList<>();
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            long participantId = !candidates.isEmpty() && random.nextInt(5) > 0
                    ? candidates.get(random.nextInt(candidates.size())).participantId()
                    : 5000 + i;
            Room room = !rooms.isEmpty() && random.nextInt(5) > 0
                    ? rooms.get(random.nextInt(rooms.size()))
                    : new Room(999, "999");
            int start = 7 * 60 + random.nextInt(DAY_END - 1 - 7 * 60);
            int end = Math.min(start + 5 + random.nextInt(50), DAY_END - 1);
            existing.add(new Seat(participantId, "Прежнее имя", random.nextBoolean(), room.auditoriumId(),
                    room.number(), time(start), time(end), random.nextInt(10) < 7));
        }
        return existing;
    }

    private static Set<Long> distinctIds(Random random, int count, int bound) {
        Set<Long> ids = new LinkedHashSet<>();
        while (ids.size() < count) {
            ids.add(1L + random.nextInt(bound));
        }
        return ids;
    }

    private static Case shuffled(Case input, Random random) {
        List<Candidate> candidates = new ArrayList<>(input.candidates());
        List<Room> rooms = new ArrayList<>(input.rooms());
        List<Seat> existing = new ArrayList<>(input.existing());
        Collections.shuffle(candidates, random);
        Collections.shuffle(rooms, random);
        Collections.shuffle(existing, random);
        return new Case(candidates, rooms, existing, input.keepManual(), input.settings());
    }

    // ---- invariants ----

    private void assertInvariants(Case input, SeatingPlan plan) {
        assertEveryCandidateAccountedForOnce(input, plan);
        assertSeatsMatchTheirCandidateAndRoom(input, plan.seats());
        assertNoDoubleBooking(plan.seats(), input.changeover());
        assertEquals(plan.seats().stream().sorted(SeatingPlanner.SEAT_ORDER).toList(), plan.seats(),
                "seats are not ordered by room and start");
        assertManualSeatsAreValidOnesFromExisting(input, plan);
        assertUnseatedFitNowhere(input, plan);
        if (plan.seats().stream().noneMatch(Seat::manual)) {
            assertPackedInOrderAndBalanced(input, plan);
        }
        count(!plan.unseatedParticipantIds().isEmpty() && !input.rooms().isEmpty(), "unseated");
        count(input.rooms().isEmpty() && !input.candidates().isEmpty(), "no rooms");
    }

    private static void assertEveryCandidateAccountedForOnce(Case input, SeatingPlan plan) {
        List<Long> accounted = Stream.concat(plan.seats().stream().map(Seat::participantId),
                plan.unseatedParticipantIds().stream()).sorted().toList();
        List<Long> expected = input.candidates().stream().map(Candidate::participantId).sorted().toList();
        assertEquals(expected, accounted, "every candidate must be seated or unseated exactly once");
        List<Long> unseatedInOrder = input.candidates().stream()
                .filter(candidate -> plan.unseatedParticipantIds().contains(candidate.participantId()))
                .sorted(Candidate.ORDER).map(Candidate::participantId).toList();
        assertEquals(unseatedInOrder, plan.unseatedParticipantIds(), "unseated are not in planning order");
    }

    private static void assertSeatsMatchTheirCandidateAndRoom(Case input, List<Seat> seats) {
        Map<Long, Candidate> candidates = input.candidatesById();
        Map<Long, Room> rooms = input.roomsById();
        for (Seat seat : seats) {
            Candidate candidate = candidates.get(seat.participantId());
            Room room = rooms.get(seat.auditoriumId());
            assertNotNull(candidate, "seat of a non-candidate: " + seat);
            assertNotNull(room, "seat in an unknown room: " + seat);
            assertEquals(candidate.name(), seat.participantName());
            assertEquals(candidate.specialNeeds(), seat.specialNeeds());
            assertEquals(room.number(), seat.auditoriumNumber());
            assertTrue(minutes(seat.start()) >= input.dayStart(), "seat before the day start: " + seat);
            assertEquals(candidate.durationMinutes(input.settings()), minutes(seat.end()) - minutes(seat.start()),
                    "wrong length (or past midnight): " + seat);
        }
    }

    private static void assertNoDoubleBooking(List<Seat> seats, int changeover) {
        for (Seat a : seats) {
            for (Seat b : seats) {
                if (a != b && a.auditoriumId() == b.auditoriumId()) {
                    boolean apart = minutes(a.end()) + changeover <= minutes(b.start())
                            || minutes(b.end()) + changeover <= minutes(a.start());
                    assertTrue(apart, "double booking: " + a + " and " + b);
                }
            }
        }
    }

    /**
     * Output manual seats come from existing manual ones; an existing manual seat that is valid
     * on its own and clashes with no other candidate manual seat must be kept exactly.
     */
    private void assertManualSeatsAreValidOnesFromExisting(Case input, SeatingPlan plan) {
        List<Seat> manualOut = plan.seats().stream().filter(Seat::manual).toList();
        if (!input.keepManual()) {
            assertEquals(List.of(), manualOut, "keepManual=false must leave no manual seat");
            return;
        }
        for (Seat seat : manualOut) {
            assertTrue(input.existing().stream().anyMatch(old -> old.manual()
                    && old.participantId() == seat.participantId() && old.auditoriumId() == seat.auditoriumId()
                    && old.start().equals(seat.start())), "manual seat not from existing: " + seat);
        }
        List<Seat> valid = input.existing().stream().filter(Seat::manual)
                .filter(seat -> validOnItsOwn(input, seat)).toList();
        for (Seat seat : valid) {
            boolean contested = valid.stream().anyMatch(other -> other != seat
                    && (other.participantId() == seat.participantId() || clash(input, seat, other)));
            if (!contested) {
                assertTrue(manualOut.stream().anyMatch(kept -> kept.participantId() == seat.participantId()
                        && kept.auditoriumId() == seat.auditoriumId() && kept.start().equals(seat.start())),
                        "valid manual seat was not kept: " + seat);
                count(true, "manual kept");
            } else {
                count(true, "manual replanned");
            }
        }
        long invalid = input.existing().stream().filter(Seat::manual).count() - valid.size();
        count(invalid > 0, "manual replanned");
    }

    private static boolean validOnItsOwn(Case input, Seat seat) {
        if (!input.candidatesById().containsKey(seat.participantId())
                || !input.roomsById().containsKey(seat.auditoriumId())) {
            return false;
        }
        int start = minutes(seat.start());
        return start >= input.dayStart() && start + input.duration(seat.participantId()) < DAY_END;
    }

    private static boolean clash(Case input, Seat a, Seat b) {
        if (a.auditoriumId() != b.auditoriumId()) {
            return false;
        }
        int startA = minutes(a.start());
        int startB = minutes(b.start());
        int endA = startA + input.duration(a.participantId());
        int endB = startB + input.duration(b.participantId());
        return startA < endB + input.changeover() && startB < endA + input.changeover();
    }

    /** No gap left in any room could have held an unseated participant. */
    private static void assertUnseatedFitNowhere(Case input, SeatingPlan plan) {
        for (long participantId : plan.unseatedParticipantIds()) {
            int duration = input.duration(participantId);
            for (Room room : input.rooms()) {
                List<Seat> inRoom = plan.seats().stream()
                        .filter(seat -> seat.auditoriumId() == room.auditoriumId()).toList();
                List<Integer> starts = new ArrayList<>(List.of(input.dayStart()));
                inRoom.forEach(seat -> starts.add(minutes(seat.end()) + input.changeover()));
                for (int start : starts) {
                    boolean fits = start >= input.dayStart() && start + duration < DAY_END
                            && inRoom.stream().noneMatch(seat -> start < minutes(seat.end()) + input.changeover()
                                    && minutes(seat.start()) < start + duration + input.changeover());
                    assertFalse(fits, () -> "participant " + participantId + " fits in room " + room.number()
                            + " at " + time(start) + " but is unseated");
                }
            }
        }
    }

    /**
     * Without manual seats: rooms are filled back to back from the day start, people start in
     * planning order, and the rooms become free within one longest slot (plus changeover).
     */
    private static void assertPackedInOrderAndBalanced(Case input, SeatingPlan plan) {
        Map<Long, List<Seat>> byRoom = plan.seats().stream().collect(Collectors.groupingBy(Seat::auditoriumId));
        for (List<Seat> seats : byRoom.values()) {
            int expectedStart = input.dayStart();
            for (Seat seat : seats) {
                assertEquals(expectedStart, minutes(seat.start()), "gap before " + seat);
                expectedStart = minutes(seat.end()) + input.changeover();
            }
        }
        Map<Long, Seat> seatOf = plan.seats().stream().collect(Collectors.toMap(Seat::participantId, s -> s));
        List<Integer> startsInPlanningOrder = input.candidates().stream().sorted(Candidate.ORDER)
                .filter(candidate -> seatOf.containsKey(candidate.participantId()))
                .map(candidate -> minutes(seatOf.get(candidate.participantId()).start())).toList();
        assertEquals(startsInPlanningOrder.stream().sorted().toList(), startsInPlanningOrder,
                "a later participant starts before an earlier one");
        if (plan.seats().isEmpty()) {
            return;
        }
        List<Integer> freeAt = input.rooms().stream().map(room -> {
            List<Seat> seats = byRoom.getOrDefault(room.auditoriumId(), List.of());
            return seats.isEmpty() ? input.dayStart() : minutes(seats.get(seats.size() - 1).end()) + input.changeover();
        }).toList();
        int longest = plan.seats().stream().mapToInt(seat -> input.duration(seat.participantId())).max().orElse(0);
        int spread = Collections.max(freeAt) - Collections.min(freeAt);
        assertTrue(spread <= longest + input.changeover(), "rooms unbalanced: free at " + freeAt);
    }

    // ---- moves ----

    /**
     * A few random moves, each predicted by brute force; afterwards a re-plan keeping manual
     * seats must keep every one of them exactly.
     */
    private void checkMoves(Case input, SeatingPlan plan, Random random) {
        if (input.candidates().isEmpty() || input.rooms().isEmpty()) {
            return;
        }
        List<Seat> seats = plan.seats();
        for (int attempt = 0; attempt < 4; attempt++) {
            Candidate who = input.candidates().get(random.nextInt(input.candidates().size()));
            long auditoriumId = random.nextInt(8) == 0
                    ? 999
                    : input.rooms().get(random.nextInt(input.rooms().size())).auditoriumId();
            int start = moveStart(input, seats, random);
            seats = checkMove(input, seats, new SeatMove(who.participantId(), auditoriumId, time(start)), who);
        }
        Case replan = new Case(input.candidates(), input.rooms(), seats, true, input.settings());
        SeatingPlan replanned = replan.plan();
        assertInvariants(replan, replanned);
        for (Seat manual : seats.stream().filter(Seat::manual).toList()) {
            assertTrue(replanned.seats().contains(manual), "moved seat lost on re-plan: " + manual);
        }
        assertEquals(replanned, new Case(input.candidates(), input.rooms(), replanned.seats(), true,
                input.settings()).plan(), "re-plan after moves is not idempotent");
    }

    /** Often right at the edge of another seat's changeover, to probe the boundaries. */
    private static int moveStart(Case input, List<Seat> seats, Random random) {
        int start;
        if (!seats.isEmpty() && random.nextBoolean()) {
            Seat near = seats.get(random.nextInt(seats.size()));
            start = minutes(near.end()) + input.changeover() + random.nextInt(3) - 1;
        } else {
            start = input.dayStart() - 20 + random.nextInt(240);
        }
        return Math.max(0, Math.min(DAY_END - 1, start));
    }

    private List<Seat> checkMove(Case input, List<Seat> seats, SeatMove move, Candidate who) {
        int start = minutes(move.start());
        int end = start + who.durationMinutes(input.settings());
        Room room = input.roomsById().get(move.auditoriumId());
        List<Seat> others = seats.stream().filter(seat -> seat.participantId() != who.participantId()).toList();
        String expectedRejection = room == null ? "seat-room-not-interview"
                : start < input.dayStart() ? "seat-before-start"
                : end >= DAY_END ? "seat-after-midnight"
                : null;
        boolean expectClash = others.stream().anyMatch(seat -> seat.auditoriumId() == move.auditoriumId()
                && start < minutes(seat.end()) + input.changeover()
                && minutes(seat.start()) < end + input.changeover());
        try {
            List<Seat> moved = SeatingPlanner.move(seats, move, who, input.rooms(), input.settings());
            if (expectedRejection != null || expectClash) {
                fail("move should have failed: " + move + " among " + seats);
            }
            List<Seat> expectedOthers = moved.stream().filter(seat -> seat.participantId() != who.participantId())
                    .toList();
            assertEquals(new HashSet<>(others), new HashSet<>(expectedOthers), "a move touched other seats");
            assertEquals(moved.size(), others.size() + 1);
            assertTrue(moved.contains(new Seat(who.participantId(), who.name(), who.specialNeeds(),
                    room.auditoriumId(), room.number(), time(start), time(end), true)), "moved seat is wrong");
            assertNoDoubleBooking(moved, input.changeover());
            assertEquals(moved.stream().sorted(SeatingPlanner.SEAT_ORDER).toList(), moved);
            count(true, "move done");
            return moved;
        } catch (ConflictException e) {
            assertTrue(expectedRejection == null && expectClash, "unexpected conflict: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("Аудитория " + room.number() + " занята с "), e.getMessage());
            count(true, "move conflict");
            return seats;
        } catch (InvalidInputException e) {
            assertEquals(expectedRejection, e.type(), "unexpected rejection: " + e.getMessage());
            count(true, "move rejected");
            return seats;
        }
    }

    // ---- helpers ----

    private void count(boolean happened, String situation) {
        if (happened) {
            coverage.merge(situation, 1, Integer::sum);
        }
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static LocalTime time(int minutes) {
        return LocalTime.of(minutes / 60, minutes % 60);
    }
}
