package org.attesta.registry.internal.seating;

import static org.attesta.registry.internal.seating.SeatingFixtures.at;
import static org.attesta.registry.internal.seating.SeatingFixtures.describe;
import static org.attesta.registry.internal.seating.SeatingFixtures.ovz;
import static org.attesta.registry.internal.seating.SeatingFixtures.pupil;
import static org.attesta.registry.internal.seating.SeatingFixtures.room;
import static org.attesta.registry.internal.seating.SeatingFixtures.seat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.attesta.api.common.ConflictException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.registry.Seat;
import org.attesta.api.registry.SeatMove;
import org.junit.jupiter.api.Test;

class SeatingMoveTest {

    private static final PlannerSettings DEFAULTS = PlannerSettings.defaults();

    private final Candidate alekseev = pupil(1, "Алексеев Алексей");
    private final Candidate borisov = pupil(2, "Борисов Борис");
    private final Candidate ivanov = pupil(3, "Иванов Иван");
    private final Candidate petrov = pupil(4, "Петров Пётр");
    private final Candidate sidorov = pupil(5, "Сидоров Семён");
    private final List<Candidate> candidates = List.of(alekseev, borisov, ivanov, petrov, sidorov);
    private final Room r101 = room(1, "101");
    private final Room r102 = room(2, "102");
    private final List<Room> rooms = List.of(r101, r102);

    /** 101: Алексеев 09:00, Иванов 09:20, Сидоров 09:40; 102: Борисов 09:00, Петров 09:20. */
    private final List<Seat> current = SeatingPlanner.plan(candidates, rooms, List.of(), true, DEFAULTS).seats();

    @Test
    void theStartingSeatingIsAsDescribed() {
        assertEquals(List.of(
                "101 09:00-09:15 Алексеев Алексей",
                "101 09:20-09:35 Иванов Иван",
                "101 09:40-09:55 Сидоров Семён",
                "102 09:00-09:15 Борисов Борис",
                "102 09:20-09:35 Петров Пётр"), describe(current));
    }

    @Test
    void moveToAFreeTimeReplacesTheSeatWithAManualOne() {
        List<Seat> moved = SeatingPlanner.move(current, new SeatMove(4, 1, at("10:00")), petrov, rooms, DEFAULTS);

        assertEquals(List.of(
                "101 09:00-09:15 Алексеев Алексей",
                "101 09:20-09:35 Иванов Иван",
                "101 09:40-09:55 Сидоров Семён",
                "101 10:00-10:15 Петров Пётр вручную",
                "102 09:00-09:15 Борисов Борис"), describe(moved));
        assertTrue(moved.contains(new Seat(4, "Петров Пётр", false, 1, "101", at("10:00"), at("10:15"), true)));
    }

    @Test
    void overlappingSlotIsAConflictNamingRoomTimesAndParticipant() {
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> SeatingPlanner.move(current, new SeatMove(4, 1, at("09:25")), petrov, rooms, DEFAULTS));

        assertEquals("seat-conflict", conflict.type());
        assertEquals("Аудитория 101 занята с 09:20 до 09:35 (Иванов Иван)", conflict.getMessage());
    }

    @Test
    void slotThatOnlyBreaksTheChangeoverIsAConflictThatSaysSo() {
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> SeatingPlanner.move(current, new SeatMove(2, 1, at("09:58")), borisov, rooms, DEFAULTS));

        assertEquals("Аудитория 101 занята с 09:40 до 09:55 (Сидоров Семён); между участниками нужен перерыв 5 мин.",
                conflict.getMessage());
    }

    @Test
    void slotMustLeaveTheChangeoverBeforeTheNextSeat() {
        List<Seat> seats = List.of(seat(ivanov, r101, "09:30", "09:45", false));

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> SeatingPlanner.move(seats, new SeatMove(1, 1, at("09:11")), alekseev, rooms, DEFAULTS));
        List<Seat> moved = SeatingPlanner.move(seats, new SeatMove(1, 1, at("09:10")), alekseev, rooms, DEFAULTS);

        assertEquals("Аудитория 101 занята с 09:30 до 09:45 (Иванов Иван); между участниками нужен перерыв 5 мин.",
                conflict.getMessage());
        assertEquals(List.of("101 09:10-09:25 Алексеев Алексей вручную", "101 09:30-09:45 Иванов Иван"),
                describe(moved));
    }

    @Test
    void participantsOwnSeatDoesNotBlockTheMove() {
        List<Seat> moved = SeatingPlanner.move(current, new SeatMove(5, 1, at("09:45")), sidorov, rooms, DEFAULTS);

        assertEquals(List.of(
                "101 09:00-09:15 Алексеев Алексей",
                "101 09:20-09:35 Иванов Иван",
                "101 09:45-10:00 Сидоров Семён вручную",
                "102 09:00-09:15 Борисов Борис",
                "102 09:20-09:35 Петров Пётр"), describe(moved));
    }

    @Test
    void specialNeedsLengthenTheMovedSlot() {
        Candidate petrovOvz = ovz(4, "Петров Пётр", 30);

        List<Seat> moved = SeatingPlanner.move(current, new SeatMove(4, 2, at("09:40")), petrovOvz, rooms, DEFAULTS);

        assertEquals(List.of(
                "101 09:00-09:15 Алексеев Алексей",
                "101 09:20-09:35 Иванов Иван",
                "101 09:40-09:55 Сидоров Семён",
                "102 09:00-09:15 Борисов Борис",
                "102 09:40-10:25 Петров Пётр ОВЗ вручную"), describe(moved));
    }

    @Test
    void unseatedParticipantGetsASeat() {
        Candidate newcomer = pupil(6, "Фёдоров Фёдор");

        List<Seat> moved = SeatingPlanner.move(current, new SeatMove(6, 2, at("09:40")), newcomer, rooms, DEFAULTS);

        assertEquals(6, moved.size());
        assertEquals("102 09:40-09:55 Фёдоров Фёдор вручную", describe(moved.get(5)));
    }

    @Test
    void roomThatIsNotAnInterviewRoomOfTheSchoolIsRejected() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> SeatingPlanner.move(current, new SeatMove(4, 3, at("10:00")), petrov, rooms, DEFAULTS));

        assertEquals("seat-room-not-interview", error.type());
        assertTrue(error.ruleViolation());
        assertEquals("Аудитория не относится к аудиториям проведения собеседования этой школы", error.getMessage());
    }

    @Test
    void startBeforeTheDayStartIsRejected() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> SeatingPlanner.move(current, new SeatMove(4, 1, at("08:55")), petrov, rooms, DEFAULTS));

        assertEquals("seat-before-start", error.type());
        assertEquals("Собеседование начинается в 09:00, участника нельзя посадить на 08:55", error.getMessage());
    }

    @Test
    void startAtTheDayStartIsAllowedInAFreeRoom() {
        List<Seat> moved = SeatingPlanner.move(List.of(), new SeatMove(4, 1, at("09:00")), petrov, rooms, DEFAULTS);

        assertEquals(List.of("101 09:00-09:15 Петров Пётр вручную"), describe(moved));
    }

    @Test
    void slotRunningPastMidnightIsRejected() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> SeatingPlanner.move(current, new SeatMove(4, 1, at("23:50")), petrov, rooms, DEFAULTS));

        assertEquals("seat-after-midnight", error.type());
        assertEquals("Собеседование с 23:50 длительностью 15 мин. не закончится до 24:00", error.getMessage());
    }

    @Test
    void startWithSecondsIsRejected() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> SeatingPlanner.move(
                current, new SeatMove(4, 1, at("10:00:30")), petrov, rooms, DEFAULTS));

        assertEquals("Время начала указывается с точностью до минуты", error.getMessage());
    }

    @Test
    void candidateMustBeTheMovedParticipant() {
        assertThrows(IllegalArgumentException.class,
                () -> SeatingPlanner.move(current, new SeatMove(4, 1, at("10:00")), ivanov, rooms, DEFAULTS));
    }

    @Test
    void movedSeatSurvivesTheNextComputationAndTheRestIsRepacked() {
        List<Seat> moved = SeatingPlanner.move(current, new SeatMove(4, 1, at("10:00")), petrov, rooms, DEFAULTS);

        SeatingPlan replanned = SeatingPlanner.plan(candidates, rooms, moved, true, DEFAULTS);

        assertEquals(List.of(
                "101 09:00-09:15 Алексеев Алексей",
                "101 09:20-09:35 Иванов Иван",
                "101 10:00-10:15 Петров Пётр вручную",
                "102 09:00-09:15 Борисов Борис",
                "102 09:20-09:35 Сидоров Семён"), describe(replanned.seats()));
        assertEquals(replanned, SeatingPlanner.plan(candidates, rooms, replanned.seats(), true, DEFAULTS));
    }
}
