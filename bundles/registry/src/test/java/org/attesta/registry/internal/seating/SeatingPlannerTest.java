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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.attesta.api.registry.Seat;
import org.junit.jupiter.api.Test;

class SeatingPlannerTest {

    private static final PlannerSettings DEFAULTS = PlannerSettings.defaults();

    private final Candidate abramov = pupil(1, "Абрамов Антон");
    private final Candidate belov = pupil(2, "Белов Борис");
    private final Candidate vasiliev = pupil(3, "Васильев Виктор");
    private final Candidate grigoriev = pupil(4, "Григорьев Глеб");
    private final Candidate dmitriev = pupil(5, "Дмитриев Денис");
    private final Room r101 = room(11, "101");
    private final Room r102 = room(12, "102");
    private final Room r103 = room(13, "103");

    @Test
    void tenParticipantsInThreeRoomsAreSplitFourThreeThreeInConsecutiveSlots() {
        List<Candidate> candidates = new ArrayList<>(List.of(abramov, belov, vasiliev, grigoriev, dmitriev,
                pupil(6, "Егоров Евгений"), pupil(7, "Жуков Захар"), pupil(8, "Зайцев Иван"),
                pupil(9, "Ильин Игорь"), pupil(10, "Козлов Кирилл")));

        SeatingPlan plan = SeatingPlanner.plan(candidates, List.of(r101, r102, r103), List.of(), true, DEFAULTS);

        assertEquals(List.of(
                "101 09:00-09:15 Абрамов Антон",
                "101 09:20-09:35 Григорьев Глеб",
                "101 09:40-09:55 Жуков Захар",
                "101 10:00-10:15 Козлов Кирилл",
                "102 09:00-09:15 Белов Борис",
                "102 09:20-09:35 Дмитриев Денис",
                "102 09:40-09:55 Зайцев Иван",
                "103 09:00-09:15 Васильев Виктор",
                "103 09:20-09:35 Егоров Евгений",
                "103 09:40-09:55 Ильин Игорь"), describe(plan.seats()));
        assertEquals(List.of(), plan.unseatedParticipantIds());
    }

    @Test
    void seatCarriesParticipantAndRoomData() {
        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov), List.of(r101), List.of(), true, DEFAULTS);

        assertEquals(List.of(new Seat(1, "Абрамов Антон", false, 11, "101", at("09:00"), at("09:15"), false)),
                plan.seats());
    }

    @Test
    void participantsFollowClassThenAlphabetWithYoAfterYe() {
        Candidate antonov10 = Candidate.regular(1, "Антонов Андрей", "10Б Антонов Андрей");
        Candidate yakovlev = Candidate.regular(2, "Яковлев Яков", "9А Яковлев Яков");
        Candidate yolkin = Candidate.regular(3, "Ёлкин Егор", "9А Ёлкин Егор");
        Candidate egorov = Candidate.regular(4, "Егоров Павел", "9А Егоров Павел");
        Candidate zhukov = Candidate.regular(5, "Жуков Пётр", "9а Жуков Пётр");

        SeatingPlan plan = SeatingPlanner.plan(List.of(antonov10, yakovlev, yolkin, egorov, zhukov),
                List.of(r101), List.of(), true, DEFAULTS);

        assertEquals(List.of(
                "101 09:00-09:15 Егоров Павел",
                "101 09:20-09:35 Ёлкин Егор",
                "101 09:40-09:55 Жуков Пётр",
                "101 10:00-10:15 Яковлев Яков",
                "101 10:20-10:35 Антонов Андрей"), describe(plan.seats()));
    }

    @Test
    void sameSortKeyFallsBackToParticipantId() {
        Candidate later = Candidate.regular(20, "Иванов Иван", "9А Иванов Иван");
        Candidate earlier = Candidate.regular(7, "Иванов Иван", "9А Иванов Иван");

        SeatingPlan plan = SeatingPlanner.plan(List.of(later, earlier), List.of(r101), List.of(), true, DEFAULTS);

        assertEquals(List.of(7L, 20L), plan.seats().stream().map(Seat::participantId).toList());
    }

    @Test
    void missingSortKeyMeansTheName() {
        assertEquals("Петров Пётр", new Candidate(1, "Петров Пётр", false, 0, null).sortKey());
    }

    @Test
    void specialNeedsLengthenTheSlotAndTheOtherRoomTakesTheNextParticipants() {
        Room one = room(1, "1");
        Room two = room(2, "2");
        List<Candidate> candidates = List.of(ovz(1, "Алексеев Алексей", 30), pupil(2, "Борисов Борис"),
                pupil(3, "Волков Виктор"), pupil(4, "Герасимов Глеб"), pupil(5, "Дьяков Денис"));

        SeatingPlan plan = SeatingPlanner.plan(candidates, List.of(two, one), List.of(), true, DEFAULTS);

        assertEquals(List.of(
                "1 09:00-09:45 Алексеев Алексей ОВЗ",
                "1 09:50-10:05 Дьяков Денис",
                "2 09:00-09:15 Борисов Борис",
                "2 09:20-09:35 Волков Виктор",
                "2 09:40-09:55 Герасимов Глеб"), describe(plan.seats()));
    }

    @Test
    void extraMinutesWithoutSpecialNeedsAreIgnored() {
        Candidate stale = new Candidate(1, "Алексеев Алексей", false, 30, "9А Алексеев");

        SeatingPlan plan = SeatingPlanner.plan(List.of(stale), List.of(r101), List.of(), true, DEFAULTS);

        assertEquals(List.of("101 09:00-09:15 Алексеев Алексей"), describe(plan.seats()));
    }

    @Test
    void startSlotAndChangeoverComeFromTheSettings() {
        PlannerSettings settings = new PlannerSettings(at("08:30"), 20, 10);

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov, belov, vasiliev), List.of(r101), List.of(), true,
                settings);

        assertEquals(List.of(
                "101 08:30-08:50 Абрамов Антон",
                "101 09:00-09:20 Белов Борис",
                "101 09:30-09:50 Васильев Виктор"), describe(plan.seats()));
    }

    @Test
    void zeroChangeoverPacksSlotsBackToBack() {
        PlannerSettings settings = new PlannerSettings(at("09:00"), 15, 0);

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov, belov), List.of(r101), List.of(), true, settings);

        assertEquals(List.of("101 09:00-09:15 Абрамов Антон", "101 09:15-09:30 Белов Борис"),
                describe(plan.seats()));
    }

    @Test
    void roomsAreFilledAndListedInNaturalOrderOfTheirNumbers() {
        List<Room> rooms = List.of(room(1, "10"), room(2, "101а"), room(3, "2"), room(4, "101"));

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov, belov, vasiliev, grigoriev, dmitriev), rooms,
                List.of(), true, DEFAULTS);

        assertEquals(List.of(
                "2 09:00-09:15 Абрамов Антон",
                "2 09:20-09:35 Дмитриев Денис",
                "10 09:00-09:15 Белов Борис",
                "101 09:00-09:15 Васильев Виктор",
                "101а 09:00-09:15 Григорьев Глеб"), describe(plan.seats()));
    }

    @Test
    void manualSeatIsKeptAndALaterShortSlotFillsTheGapBeforeIt() {
        Candidate alekseev = ovz(1, "Алексеев Алексей", 30);
        Candidate khokhlov = pupil(9, "Хохлов Харитон");
        Seat manual = seat(khokhlov, r101, "09:40", "09:55", true);

        SeatingPlan plan = SeatingPlanner.plan(List.of(alekseev, belov, vasiliev, khokhlov), List.of(r101),
                List.of(manual), true, DEFAULTS);

        // The 45-minute slot does not fit before 09:40, the 15-minute ones do, the second one exactly.
        assertEquals(List.of(
                "101 09:00-09:15 Белов Борис",
                "101 09:20-09:35 Васильев Виктор",
                "101 09:40-09:55 Хохлов Харитон вручную",
                "101 10:00-10:45 Алексеев Алексей ОВЗ"), describe(plan.seats()));
        assertTrue(plan.seats().contains(manual));
    }

    @Test
    void slotThatDoesNotFitBeforeAManualSeatGoesAfterIt() {
        Seat manual = seat(vasiliev, r101, "09:30", "09:45", true);

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov, belov, vasiliev, grigoriev), List.of(r101),
                List.of(manual), true, DEFAULTS);

        assertEquals(List.of(
                "101 09:00-09:15 Абрамов Антон",
                "101 09:30-09:45 Васильев Виктор вручную",
                "101 09:50-10:05 Белов Борис",
                "101 10:10-10:25 Григорьев Глеб"), describe(plan.seats()));
    }

    @Test
    void balancingCountsManualSeats() {
        Room one = room(1, "1");
        Room two = room(2, "2");
        List<Candidate> candidates = List.of(abramov, belov, vasiliev, grigoriev, dmitriev);
        Seat manual = seat(grigoriev, one, "09:00", "09:15", true);

        SeatingPlan plan = SeatingPlanner.plan(candidates, List.of(one, two), List.of(manual), true, DEFAULTS);

        assertEquals(List.of(
                "1 09:00-09:15 Григорьев Глеб вручную",
                "1 09:20-09:35 Белов Борис",
                "1 09:40-09:55 Дмитриев Денис",
                "2 09:00-09:15 Абрамов Антон",
                "2 09:20-09:35 Васильев Виктор"), describe(plan.seats()));
    }

    @Test
    void withoutKeepManualEverythingIsRecomputedAndNothingIsManual() {
        Room one = room(1, "1");
        Room two = room(2, "2");
        List<Candidate> candidates = List.of(abramov, belov, vasiliev, grigoriev, dmitriev);
        Seat manual = seat(grigoriev, one, "09:00", "09:15", true);

        SeatingPlan plan = SeatingPlanner.plan(candidates, List.of(one, two), List.of(manual), false, DEFAULTS);

        assertEquals(List.of(
                "1 09:00-09:15 Абрамов Антон",
                "1 09:20-09:35 Васильев Виктор",
                "1 09:40-09:55 Дмитриев Денис",
                "2 09:00-09:15 Белов Борис",
                "2 09:20-09:35 Григорьев Глеб"), describe(plan.seats()));
        assertEquals(SeatingPlanner.plan(candidates, List.of(one, two), List.of(), true, DEFAULTS), plan);
    }

    @Test
    void manualSeatOfAParticipantNoLongerAssignedIsDropped() {
        Candidate gone = pupil(99, "Уволенный Ученик");
        List<Seat> existing = List.of(seat(gone, r101, "09:00", "09:15", true));

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov, belov), List.of(r101), existing, true, DEFAULTS);

        assertEquals(List.of("101 09:00-09:15 Абрамов Антон", "101 09:20-09:35 Белов Борис"),
                describe(plan.seats()));
    }

    @Test
    void manualSeatInARoomNoLongerUsedIsReplanned() {
        Room removed = room(77, "77");
        List<Seat> existing = List.of(seat(belov, removed, "09:00", "09:15", true));

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov, belov), List.of(r101), existing, true, DEFAULTS);

        assertEquals(List.of("101 09:00-09:15 Абрамов Антон", "101 09:20-09:35 Белов Борис"),
                describe(plan.seats()));
    }

    @Test
    void automaticSeatsOfAPreviousRunDoNotInfluenceThePlan() {
        List<Seat> existing = List.of(seat(abramov, r102, "11:00", "11:15", false),
                seat(belov, r101, "09:00", "09:15", false));
        List<Candidate> candidates = List.of(abramov, belov, vasiliev);
        List<Room> rooms = List.of(r101, r102);

        assertEquals(SeatingPlanner.plan(candidates, rooms, List.of(), true, DEFAULTS),
                SeatingPlanner.plan(candidates, rooms, existing, true, DEFAULTS));
    }

    @Test
    void ofTwoClashingManualSeatsTheEarlierIsKeptAndTheOtherReplanned() {
        List<Seat> existing = List.of(seat(belov, r101, "09:40", "09:55", true),
                seat(abramov, r101, "09:30", "09:45", true));

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov, belov, vasiliev), List.of(r101), existing, true,
                DEFAULTS);

        assertEquals(List.of(
                "101 09:00-09:15 Белов Борис",
                "101 09:30-09:45 Абрамов Антон вручную",
                "101 09:50-10:05 Васильев Виктор"), describe(plan.seats()));
    }

    @Test
    void manualSeatTooCloseForTheChangeoverIsReplanned() {
        List<Seat> existing = List.of(seat(abramov, r101, "10:00", "10:15", true),
                seat(belov, r101, "10:17", "10:32", true));

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov, belov), List.of(r101), existing, true, DEFAULTS);

        assertEquals(List.of("101 09:00-09:15 Белов Борис", "101 10:00-10:15 Абрамов Антон вручную"),
                describe(plan.seats()));
    }

    @Test
    void ofTwoManualSeatsOfOneParticipantTheEarlierIsKept() {
        List<Seat> existing = List.of(seat(abramov, r102, "10:00", "10:15", true),
                seat(abramov, r101, "09:40", "09:55", true));

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov), List.of(r101, r102), existing, true, DEFAULTS);

        assertEquals(List.of("101 09:40-09:55 Абрамов Антон вручную"), describe(plan.seats()));
    }

    @Test
    void manualSeatBeforeTheDayStartIsReplanned() {
        PlannerSettings tenOClock = new PlannerSettings(at("10:00"), 15, 5);
        List<Seat> existing = List.of(seat(abramov, r101, "09:30", "09:45", true));

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov, belov), List.of(r101), existing, true, tenOClock);

        assertEquals(List.of("101 10:00-10:15 Абрамов Антон", "101 10:20-10:35 Белов Борис"),
                describe(plan.seats()));
    }

    @Test
    void manualSeatThatWouldNowRunPastMidnightIsReplanned() {
        PlannerSettings late = new PlannerSettings(at("23:00"), 15, 5);
        List<Seat> existing = List.of(seat(abramov, r101, "23:50", "23:55", true));

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov), List.of(r101), existing, true, late);

        assertEquals(List.of("101 23:00-23:15 Абрамов Антон"), describe(plan.seats()));
    }

    @Test
    void keptManualSeatIsRefreshedFromTheCurrentData() {
        Seat stale = new Seat(1, "Абрамов (старая фамилия)", true, 11, "сто один", at("09:30"), at("10:15"), true);

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov), List.of(r101), List.of(stale), true, DEFAULTS);

        assertEquals(List.of(new Seat(1, "Абрамов Антон", false, 11, "101", at("09:30"), at("09:45"), true)),
                plan.seats());
    }

    @Test
    void planningAgainWithThePreviousOutputGivesTheSameSeats() {
        Candidate ovz = ovz(6, "Егоров Евгений", 30);
        List<Candidate> candidates = List.of(abramov, belov, vasiliev, grigoriev, dmitriev, ovz);
        List<Room> rooms = List.of(r101, r102);
        List<Seat> existing = List.of(seat(dmitriev, r102, "09:10", "09:25", true));

        SeatingPlan first = SeatingPlanner.plan(candidates, rooms, existing, true, DEFAULTS);
        SeatingPlan second = SeatingPlanner.plan(candidates, rooms, first.seats(), true, DEFAULTS);

        assertEquals(first, second);
        assertEquals(List.of(
                "101 09:00-09:15 Абрамов Антон",
                "101 09:20-09:35 Белов Борис",
                "101 09:40-09:55 Григорьев Глеб",
                "102 09:10-09:25 Дмитриев Денис вручную",
                "102 09:30-09:45 Васильев Виктор",
                "102 09:50-10:35 Егоров Евгений ОВЗ"), describe(second.seats()));
    }

    @Test
    void theOrderOfTheInputListsDoesNotMatter() {
        List<Candidate> candidates = new ArrayList<>(List.of(abramov, belov, vasiliev, grigoriev, dmitriev,
                ovz(6, "Егоров Евгений", 30), Candidate.regular(7, "Абрамов Антон", "9А Абрамов Антон")));
        List<Room> rooms = new ArrayList<>(List.of(r101, r102, r103));
        List<Seat> existing = new ArrayList<>(List.of(seat(grigoriev, r103, "09:00", "09:15", true),
                seat(belov, r103, "09:05", "09:20", true), seat(vasiliev, r101, "09:00", "09:15", false)));
        SeatingPlan expected = SeatingPlanner.plan(candidates, rooms, existing, true, DEFAULTS);
        Random random = new Random(42);

        for (int round = 0; round < 20; round++) {
            Collections.shuffle(candidates, random);
            Collections.shuffle(rooms, random);
            Collections.shuffle(existing, random);
            assertEquals(expected, SeatingPlanner.plan(candidates, rooms, existing, true, DEFAULTS));
        }
    }

    @Test
    void withoutInterviewRoomsEverybodyIsUnseatedInPlanningOrder() {
        SeatingPlan plan = SeatingPlanner.plan(List.of(vasiliev, abramov, belov), List.of(),
                List.of(seat(abramov, r101, "09:00", "09:15", true)), true, DEFAULTS);

        assertEquals(List.of(), plan.seats());
        assertEquals(List.of(1L, 2L, 3L), plan.unseatedParticipantIds());
    }

    @Test
    void noCandidatesGiveAnEmptyPlan() {
        assertEquals(new SeatingPlan(List.of(), List.of()),
                SeatingPlanner.plan(List.of(), List.of(r101), List.of(), true, DEFAULTS));
    }

    @Test
    void slotsThatWouldRunPastMidnightLeaveTheParticipantUnseatedButShorterOnesStillFit() {
        PlannerSettings late = new PlannerSettings(at("23:00"), 15, 5);
        Candidate longOne = ovz(2, "Белов Борис", 30);
        Candidate egorov = pupil(5, "Егоров Евгений");

        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov, longOne, vasiliev, grigoriev, egorov),
                List.of(r101), List.of(), true, late);

        assertEquals(List.of(
                "101 23:00-23:15 Абрамов Антон",
                "101 23:20-23:35 Васильев Виктор",
                "101 23:40-23:55 Григорьев Глеб"), describe(plan.seats()));
        assertEquals(List.of(2L, 5L), plan.unseatedParticipantIds());
    }

    @Test
    void slotEndingAt2359FitsAndOneEndingAtMidnightDoesNot() {
        SeatingPlan fits = SeatingPlanner.plan(List.of(abramov), List.of(r101), List.of(), true,
                new PlannerSettings(at("23:44"), 15, 5));
        SeatingPlan tooLate = SeatingPlanner.plan(List.of(abramov), List.of(r101), List.of(), true,
                new PlannerSettings(at("23:45"), 15, 5));

        assertEquals(List.of("101 23:44-23:59 Абрамов Антон"), describe(fits.seats()));
        assertEquals(List.of(), tooLate.seats());
        assertEquals(List.of(1L), tooLate.unseatedParticipantIds());
    }

    @Test
    void participantOrRoomListedTwiceIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> SeatingPlanner.plan(
                List.of(abramov, pupil(1, "Другой Ученик")), List.of(r101), List.of(), true, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> SeatingPlanner.plan(
                List.of(abramov), List.of(r101, room(11, "999")), List.of(), true, DEFAULTS));
    }

    @Test
    void resultListsAreImmutable() {
        SeatingPlan plan = SeatingPlanner.plan(List.of(abramov), List.of(), List.of(), true, DEFAULTS);

        assertThrows(UnsupportedOperationException.class, () -> plan.unseatedParticipantIds().add(5L));
        assertThrows(UnsupportedOperationException.class, () -> plan.seats().clear());
    }
}
