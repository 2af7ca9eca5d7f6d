package org.attesta.demo.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.attesta.api.registry.AuditoriumDraft;
import org.attesta.api.registry.AuditoriumRole;
import org.attesta.api.registry.DocumentType;
import org.attesta.api.registry.ExamDayDraft;
import org.attesta.api.registry.ExamDayKind;
import org.attesta.api.registry.MunicipalityDraft;
import org.attesta.api.registry.ParticipantCategory;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.api.registry.SchoolDraft;
import org.attesta.api.registry.Sex;
import org.attesta.api.registry.Snils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoRegionGeneratorTest {
    private static final int COUNT = 3000;
    private static final DemoRegion REGION = new DemoRegionGenerator(2026, COUNT).generate();

    @Test
    void territoryHasTheExpectedSize() {
        assertAll(
                () -> assertTrue(between(REGION.municipalities().size(), 4, 5), "municipalities"),
                () -> assertTrue(between(REGION.schools().size(), 25, 35), "schools " + REGION.schools().size()),
                () -> assertEquals(COUNT, REGION.participants().size()),
                () -> assertEquals(REGION.schools().size(), REGION.venues().size()));
    }

    @Test
    void schoolsHoldFortyToTwoHundredParticipantsUnevenly() {
        Map<String, Long> sizes = participantsPerSchool(REGION);
        assertEquals(REGION.schools().size(), sizes.size(), "every school has participants");
        sizes.values().forEach(size -> assertTrue(between(size, 40, 200), "school size " + size));
        long smallest = sizes.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long largest = sizes.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(largest >= 2 * smallest, "sizes vary: " + smallest + " to " + largest);
    }

    @Test
    void codesAreWellFormedAndUnique() {
        Set<String> municipalityCodes = codes(REGION.municipalities(), MunicipalityDraft::code);
        Set<String> schoolCodes = codes(REGION.schools(), SchoolDraft::code);
        assertEquals(REGION.municipalities().size(), municipalityCodes.size());
        assertEquals(REGION.schools().size(), schoolCodes.size());
        municipalityCodes.forEach(code -> assertTrue(code.matches("\\d{3}"), code));
        for (SchoolDraft school : REGION.schools()) {
            assertTrue(school.code().matches("\\d{6}"), school.code());
            assertTrue(school.code().startsWith(school.municipalityCode()), school.code());
        }
    }

    @Test
    void everySchoolBelongsToAnExistingMunicipality() {
        Set<String> municipalityCodes = codes(REGION.municipalities(), MunicipalityDraft::code);
        REGION.schools().forEach(school -> assertTrue(municipalityCodes.contains(school.municipalityCode())));
        assertEquals(municipalityCodes, codes(REGION.schools(), SchoolDraft::municipalityCode),
                "every municipality has a school");
    }

    @Test
    void schoolsHaveNamesAndAddresses() {
        for (SchoolDraft school : REGION.schools()) {
            assertTrue(school.name().matches("М[БА]ОУ \".+\""), school.name());
            assertTrue(school.shortName().matches(".*(СОШ|ООШ|Гимназия|Лицей).*"), school.shortName());
            assertTrue(school.address().startsWith("Приозёрная обл., "), school.address());
            assertTrue(school.address().matches(".*, д\\. \\d+"), school.address());
        }
        assertTrue(REGION.schools().stream().anyMatch(school -> school.shortName().matches("[А-ЯЁ][а-яё]+ая СОШ")),
                "some village schools");
    }

    @Test
    void everyParticipantsSchoolExists() {
        Set<String> schoolCodes = codes(REGION.schools(), SchoolDraft::code);
        REGION.participants().forEach(p -> assertTrue(schoolCodes.contains(p.schoolCode()), p.schoolCode()));
    }

    @Test
    void everySchoolIsAVenueWithInterviewAndWaitingRooms() {
        Map<String, Long> sizes = participantsPerSchool(REGION);
        for (DemoVenue venue : REGION.venues()) {
            String code = venue.venue().code();
            assertEquals(code, venue.venue().schoolCode());
            List<AuditoriumDraft> interview = rooms(venue, AuditoriumRole.INTERVIEW);
            List<AuditoriumDraft> waiting = rooms(venue, AuditoriumRole.WAITING);
            assertTrue(between(interview.size(), 2, 12), code + " interview rooms " + interview.size());
            interview.forEach(room -> assertTrue(between(room.capacity(), 1, 2), "capacity " + room.capacity()));
            assertEquals(1, waiting.size());
            assertTrue(between(waiting.get(0).capacity(), 25, 30));
            assertEquals(venue.auditoriums().size(), codes(venue.auditoriums(), AuditoriumDraft::number).size());
            venue.auditoriums().forEach(room -> assertTrue(room.number().matches("[1-3]\\d\\d"), room.number()));
            long size = sizes.get(code);
            assertEquals(Math.max(2, Math.min(12, (size + 19) / 20)), interview.size(), "rooms follow size " + size);
        }
        assertEquals(codes(REGION.schools(), SchoolDraft::code), codes(REGION.venues(), v -> v.venue().code()));
    }

    @Test
    void allSnilsAreValidUniqueAndGivenForAboutNinetyPercent() {
        List<String> snils = REGION.participants().stream().map(ParticipantDraft::snils).filter(s -> s != null).toList();
        snils.forEach(number -> assertNull(Snils.problemWith(number), number));
        snils.forEach(number -> assertTrue(number.matches("\\d{3}-\\d{3}-\\d{3} \\d{2}"), number));
        assertEquals(snils.size(), new HashSet<>(snils).size(), "unique");
        assertTrue(between(share(p -> p.snils() != null), 0.86, 0.94), "share with СНИЛС");
    }

    @Test
    void documentsAreUniqueAndWellFormed() {
        Set<String> documents = new HashSet<>();
        for (ParticipantDraft p : REGION.participants()) {
            String series = p.document().series();
            assertTrue(documents.add(p.document().type() + series + p.document().number()), "unique document");
            assertTrue(p.document().number().matches("\\d{6}"), p.document().number());
            if (p.document().type() == DocumentType.PASSPORT_RF) {
                assertTrue(series.matches("61\\d\\d"), series);
                int issueYear = 2000 + Integer.parseInt(series.substring(2));
                assertTrue(between(issueYear, p.birthDate().getYear() + 14, 2026), "issued at 14 or later");
            } else {
                assertEquals(DocumentType.BIRTH_CERTIFICATE, p.document().type());
                assertTrue(series.matches("[IVX]+-[А-Я]{2}"), series);
                assertEquals(14, Period.between(p.birthDate(), DemoRegionGenerator.MAIN_DAY).getYears(),
                        "only pupils who turned 14 this school year still have a birth certificate on record");
            }
        }
        assertTrue(between(share(p -> p.document().type() == DocumentType.BIRTH_CERTIFICATE), 0.01, 0.05));
    }

    @Test
    void nameFormsAgreeWithSex() {
        for (ParticipantDraft p : REGION.participants()) {
            String name = p.surname() + " " + p.name() + " " + p.patronymic();
            if (p.sex() == Sex.FEMALE) {
                assertTrue(RussianNames.FEMALE_NAMES.contains(p.name()), name);
                assertTrue(p.patronymic() == null || p.patronymic().matches(".+(вна|чна)"), name);
                assertFalse(p.surname().matches(".+(ов|ев|ёв|ин|ий|ой)"), name);
            } else {
                assertTrue(RussianNames.MALE_NAMES.contains(p.name()), name);
                assertTrue(p.patronymic() == null || p.patronymic().matches(".+(вич|ич)"), name);
                assertFalse(p.surname().matches(".+(ова|ева|ёва|ина|ая)"), name);
            }
        }
        assertTrue(between(share(p -> p.sex() == Sex.FEMALE), 0.45, 0.55));
    }

    @Test
    void surnamesTakeTheFemaleFormWhereRussianHasOne() {
        assertAll(
                () -> assertEquals("Иванова", RussianNames.surnameFor("Иванов", Sex.FEMALE)),
                () -> assertEquals("Ильина", RussianNames.surnameFor("Ильин", Sex.FEMALE)),
                () -> assertEquals("Соловьёва", RussianNames.surnameFor("Соловьёв", Sex.FEMALE)),
                () -> assertEquals("Каменская", RussianNames.surnameFor("Каменский", Sex.FEMALE)),
                () -> assertEquals("Высоцкая", RussianNames.surnameFor("Высоцкий", Sex.FEMALE)),
                () -> assertEquals("Луговая", RussianNames.surnameFor("Луговой", Sex.FEMALE)),
                () -> assertEquals("Ковальчук", RussianNames.surnameFor("Ковальчук", Sex.FEMALE)),
                () -> assertEquals("Черных", RussianNames.surnameFor("Черных", Sex.FEMALE)),
                () -> assertEquals("Иванов", RussianNames.surnameFor("Иванов", Sex.MALE)));
    }

    @Test
    void irregularPatronymicsAreSpelledRight() {
        Map<String, RussianNames.FatherName> fathers = RussianNames.FATHER_NAMES.stream()
                .collect(Collectors.toMap(RussianNames.FatherName::name, Function.identity()));
        assertAll(
                () -> assertEquals("Ильинична", fathers.get("Илья").patronymicFor(Sex.FEMALE)),
                () -> assertEquals("Ильич", fathers.get("Илья").patronymicFor(Sex.MALE)),
                () -> assertEquals("Никитична", fathers.get("Никита").patronymicFor(Sex.FEMALE)),
                () -> assertEquals("Кузьминична", fathers.get("Кузьма").patronymicFor(Sex.FEMALE)),
                () -> assertEquals("Львович", fathers.get("Лев").patronymicFor(Sex.MALE)),
                () -> assertEquals("Яковлевна", fathers.get("Яков").patronymicFor(Sex.FEMALE)),
                () -> assertEquals("Юрьевич", fathers.get("Юрий").patronymicFor(Sex.MALE)));
        for (RussianNames.FatherName father : RussianNames.FATHER_NAMES) {
            assertTrue(father.malePatronymic().matches(".+(вич|ич)"), father.malePatronymic());
            assertTrue(father.femalePatronymic().matches(".+(вна|чна)"), father.femalePatronymic());
        }
    }

    @Test
    void aFewHaveNoPatronymic() {
        assertTrue(between(share(p -> p.patronymic() == null), 0.002, 0.025));
    }

    @Test
    void participantsAreFourteenToSixteenOnTheMainDay() {
        for (ParticipantDraft p : REGION.participants()) {
            int age = Period.between(p.birthDate(), DemoRegionGenerator.MAIN_DAY).getYears();
            assertTrue(between(age, 14, 16), "age " + age);
        }
    }

    @Test
    void specialNeedsExternalsAndConsentsHaveRealisticShares() {
        assertTrue(between(share(ParticipantDraft::specialNeeds), 0.015, 0.045), "special needs");
        assertTrue(between(share(p -> p.category() == ParticipantCategory.EXTERNAL), 0.003, 0.02), "externals");
        assertTrue(between(share(p -> p.consentDate() != null), 0.95, 0.99), "consents");
        for (ParticipantDraft p : REGION.participants()) {
            assertEquals(p.specialNeeds() ? 30 : 0, p.extraMinutes());
            assertNotNull(p.category());
        }
    }

    @Test
    void consentsAreSignedOnJanuaryWorkingDays() {
        REGION.participants().stream().map(ParticipantDraft::consentDate).filter(date -> date != null).forEach(date -> {
            assertEquals(2026, date.getYear());
            assertEquals(1, date.getMonthValue());
            assertFalse(date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY);
            assertTrue(date.isBefore(DemoRegionGenerator.MAIN_DAY.minusDays(13)), "two weeks before the interview");
        });
    }

    @Test
    void classesAreNinthGradeLetters() {
        REGION.participants().forEach(p -> assertTrue(p.className().matches("9[А-Я]"), p.className()));
        Set<String> classesOfLargestSchool = REGION.participants().stream()
                .filter(p -> p.schoolCode().equals(largestSchool(REGION)))
                .map(ParticipantDraft::className)
                .collect(Collectors.toSet());
        assertTrue(classesOfLargestSchool.size() >= 5, "a large school has several classes");
    }

    @Test
    void examDaysAreThoseOf2025To26() {
        assertEquals(List.of(
                new ExamDayDraft(LocalDate.of(2026, 2, 11), ExamDayKind.MAIN, "2025/26"),
                new ExamDayDraft(LocalDate.of(2026, 3, 11), ExamDayKind.ADDITIONAL, "2025/26"),
                new ExamDayDraft(LocalDate.of(2026, 4, 20), ExamDayKind.ADDITIONAL, "2025/26")), REGION.examDays());
        assertEquals(LocalDate.of(2026, 2, 11), REGION.mainDay().date());
    }

    @Test
    void sameSeedGivesTheSameRegion() {
        assertEquals(REGION, new DemoRegionGenerator(2026, COUNT).generate());
        DemoRegionGenerator generator = new DemoRegionGenerator(5, 500);
        assertEquals(generator.generate(), generator.generate());
    }

    @Test
    void anotherSeedGivesAnotherRegion() {
        DemoRegion other = new DemoRegionGenerator(2027, COUNT).generate();
        assertNotEquals(REGION.participants(), other.participants());
        assertNotEquals(REGION.schools(), other.schools());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 150, 499, 1234, 20_000})
    void generatesExactlyTheConfiguredCount(int count) {
        DemoRegion region = new DemoRegionGenerator(1, count).generate();
        assertEquals(count, region.participants().size());
        assertTrue(region.schools().size() >= 5);
        assertEquals(region.schools().size(), region.venues().size());
        assertEquals(codes(region.schools(), SchoolDraft::code).size(), region.schools().size(), "unique codes");
        if (count >= 2000) {
            participantsPerSchool(region).values().forEach(size -> assertTrue(between(size, 40, 200), "size " + size));
        }
    }

    @Test
    void rejectsACountOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new DemoRegionGenerator(1, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new DemoRegionGenerator(1, DemoRegionGenerator.MAX_PARTICIPANTS + 1));
    }

    private static double share(Predicate<ParticipantDraft> condition) {
        return REGION.participants().stream().filter(condition).count() / (double) REGION.participants().size();
    }

    private static Map<String, Long> participantsPerSchool(DemoRegion region) {
        return region.participants().stream()
                .collect(Collectors.groupingBy(ParticipantDraft::schoolCode, Collectors.counting()));
    }

    private static String largestSchool(DemoRegion region) {
        return participantsPerSchool(region).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static List<AuditoriumDraft> rooms(DemoVenue venue, AuditoriumRole role) {
        return venue.auditoriums().stream().filter(room -> room.role() == role).toList();
    }

    private static <T> Set<String> codes(List<T> items, Function<T, String> code) {
        return items.stream().map(code).collect(Collectors.toSet());
    }

    private static boolean between(double value, double min, double max) {
        return value >= min && value <= max;
    }
}
