package org.attesta.registry.internal.seating;

import static org.attesta.registry.internal.seating.SeatingFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.attesta.api.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Validation of the planner's inputs and the natural order of numbers and names. */
class SeatingInputsTest {

    @Test
    void defaultsAreNineOClockFifteenMinutesAndFiveMinutesBetween() {
        assertEquals(new PlannerSettings(at("09:00"), 15, 5), PlannerSettings.defaults());
    }

    @Test
    void slotAndChangeoverBoundsAreAccepted() {
        new PlannerSettings(at("09:00"), 5, 0);
        new PlannerSettings(at("09:00"), 120, 60);
    }

    @Test
    void slotOutsideFiveToOneHundredTwentyMinutesIsRejected() {
        InvalidInputException tooShort = assertThrows(InvalidInputException.class,
                () -> new PlannerSettings(at("09:00"), 4, 5));
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> new PlannerSettings(at("09:00"), 121, 5));

        assertEquals("Длительность собеседования должна быть от 5 до 120 минут, указано 4", tooShort.getMessage());
        assertEquals("slotMinutes", tooShort.problems().get(0).column());
        assertEquals("Длительность собеседования должна быть от 5 до 120 минут, указано 121", tooLong.getMessage());
    }

    @Test
    void changeoverOutsideZeroToSixtyMinutesIsRejected() {
        InvalidInputException negative = assertThrows(InvalidInputException.class,
                () -> new PlannerSettings(at("09:00"), 15, -1));
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> new PlannerSettings(at("09:00"), 15, 61));

        assertEquals("Перерыв между участниками должен быть от 0 до 60 минут, указано -1", negative.getMessage());
        assertEquals("changeoverMinutes", negative.problems().get(0).column());
        assertEquals("Перерыв между участниками должен быть от 0 до 60 минут, указано 61", tooLong.getMessage());
    }

    @Test
    void missingStartIsRejectedAndSecondsAreDropped() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> new PlannerSettings(null, 15, 5));

        assertEquals("Не указано время начала собеседования", missing.getMessage());
        assertEquals(at("09:00"), new PlannerSettings(at("09:00:45"), 15, 5).start());
    }

    @Test
    void candidateExtraMinutesMustBeNonNegative() {
        assertThrows(IllegalArgumentException.class, () -> new Candidate(1, "Иванов Иван", true, -1, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new Candidate(1, "Иванов Иван", true, Candidate.MAX_EXTRA_MINUTES + 1, "x"));
    }

    @Test
    void durationAddsExtraMinutesOnlyForSpecialNeeds() {
        PlannerSettings settings = new PlannerSettings(at("09:00"), 20, 5);

        assertEquals(50, Candidate.withSpecialNeeds(1, "А", 30, null).durationMinutes(settings));
        assertEquals(20, new Candidate(1, "А", false, 30, null).durationMinutes(settings));
    }

    @Test
    void roomNumberMustNotBeBlank() {
        assertThrows(IllegalArgumentException.class, () -> new Room(1, " "));
        assertThrows(NullPointerException.class, () -> new Room(1, null));
    }

    @Test
    void naturalOrderReadsNumbersAsNumbersAndLettersAlphabetically() {
        List<String> expected = List.of("01", "1", "2", "2а", "2Б", "10", "10а", "101", "101а", "101б", "1000",
                "99999999999999999999", "актовый зал", "Б-3", "е", "Ё", "ёж", "Ж");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));

        shuffled.sort(NaturalOrder.INSTANCE);

        assertEquals(expected, shuffled);
    }

    @Test
    void naturalOrderTellsApartStringsThatDifferOnlyInCaseOrLeadingZeros() {
        assertEquals(-1, Integer.signum(NaturalOrder.INSTANCE.compare("9А Иванов", "9а Иванов")));
        assertEquals(1, Integer.signum(NaturalOrder.INSTANCE.compare("9а Иванов", "9А Иванов")));
        assertEquals(-1, Integer.signum(NaturalOrder.INSTANCE.compare("07", "7")));
        assertEquals(0, NaturalOrder.INSTANCE.compare("101а", "101а"));
        assertEquals(-1, Integer.signum(NaturalOrder.INSTANCE.compare("9А Иванов", "9А Иванова")));
    }
}
