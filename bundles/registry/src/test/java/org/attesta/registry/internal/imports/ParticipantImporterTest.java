package org.attesta.registry.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.Problem;
import org.attesta.api.common.TooLargeException;
import org.attesta.api.common.UnsupportedFormatException;
import org.attesta.api.region.ParticipantField;
import org.attesta.api.region.ParticipantImportFormat;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.region.ParticipantRowReader;
import org.attesta.api.registry.ImportJob;
import org.attesta.api.registry.ImportJobState;
import org.attesta.api.registry.ImportProgress;
import org.attesta.api.registry.ImportRejectedException;
import org.attesta.api.registry.ImportReport;
import org.attesta.api.registry.ImportRequest;
import org.attesta.registry.internal.RegistryConfig;
import org.attesta.registry.internal.csv.CsvParticipantFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.attesta.registry.internal.TestAccess;
import org.attesta.registry.internal.TestSealing;
import org.attesta.api.security.AccessScope;

/** The participant import end to end: CSV in, rows in a real (in-memory Derby) registry schema. */
class ParticipantImporterTest {
    private static final String HEADER =
            "Фамилия;Имя;Отчество;Дата рождения;Пол;Тип документа;Серия;Номер;СНИЛС;Код ОО;Класс;ОВЗ";
    private static final String SCHOOL = "500101";
    private static final String OTHER_SCHOOL = "500102";
    private static final long SCHOOL_ID = 1;
    private static final long OTHER_SCHOOL_ID = 2;

    /** One database for the class (making the schema takes most of a second); each test starts with no participants. */
    private static RegistryDatabase database;
    private ParticipantImporter importer;
    private final CsvParticipantFormat csv = new CsvParticipantFormat();

    @BeforeAll
    static void createRegistry() throws Exception {
        database = new RegistryDatabase();
        database.update("INSERT INTO municipality (id, code, name, version) VALUES (1, '01', 'Городской округ', 1)");
        database.update("INSERT INTO school (id, code, name, municipality_id, version) VALUES (?, ?, ?, 1, 1)",
                SCHOOL_ID, SCHOOL, "МБОУ СОШ № 1");
        database.update("INSERT INTO school (id, code, name, municipality_id, version) VALUES (?, ?, ?, 1, 1)",
                OTHER_SCHOOL_ID, OTHER_SCHOOL, "МБОУ СОШ № 2");
    }

    @AfterAll
    static void dropRegistry() {
        database.close();
    }

    private TestAccess access;
    /** Documents and СНИЛС are stored sealed; the test double's sealing is deterministic, so stored values can be compared. */
    private static final TestSealing SEALING = new TestSealing();

    @BeforeEach
    void createImporter() throws Exception {
        database.update("DELETE FROM participant");
        database.update("DELETE FROM participant_count");
        access = new TestAccess();
        importer = new ParticipantImporter(database.dataSource(), access.guard(), access, TestSealing.sealed(),
                new Config());
        importer.addFormat(csv, Map.of(ParticipantImportFormat.MEDIA_TYPE, "text/csv", "service.ranking", -100,
                "service.id", 1L));
    }

    // --- a good file ---

    @Test
    void rowsOfSchoolsOutsideTheCallersTerritoryAreRejectedByLine() throws Exception {
        access.narrowTo(new AccessScope(false, java.util.Set.of(), java.util.Set.of(SCHOOL)));
        ImportReport report = importCsv(true, person(1), line("Семёнов", "Пётр", "Ильич", "05.03.2010", "м", "1",
                "61 10", "100 001", snils(1), OTHER_SCHOOL, "9а", "нет"));

        assertEquals(2, report.rows());
        assertEquals(1, report.created());
        assertEquals(1, report.rejected());
        assertEquals(3, report.errors().get(0).line());
        assertTrue(report.errors().get(0).message().contains("не относится к вашей территории"),
                report.errors().get(0).message());
        assertEquals(1, participants());
    }

    @Test
    void aSourceNameTooLongOrWithAControlCharacterIsRefusedBeforeReading() throws Exception {
        for (String source : List.of("x".repeat(101) + ".csv", "f\u001B[2J.csv", "\u202Evsc.exe")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> importer.importParticipants(
                    new ImportRequest("text/csv", false, source), new ByteArrayInputStream(csvFile(person(1))),
                    ImportProgress.NONE));
            assertEquals("source", refused.problems().get(0).column());
            assertThrows(InvalidInputException.class, () -> importer.submit(new ImportRequest("text/csv", false, source),
                    new ByteArrayInputStream(csvFile(person(1)))));
        }
        importer.importParticipants(new ImportRequest("text/csv", false, "x".repeat(96) + ".csv"),
                new ByteArrayInputStream(csvFile(person(1))), ImportProgress.NONE);
        assertEquals(1, participants());
    }

    @Test
    void aCallerWithoutTheImportPermissionIsRefusedBeforeReading() throws Exception {
        access.narrowTo(AccessScope.NONE);
        assertThrows(org.attesta.api.common.AccessDeniedException.class, () -> {
            importCsv(false, person(1));
        });
        assertEquals(0, participants());
    }

    @Test
    void goodFileIsStored() throws Exception {
        ImportReport report = importCsv(false, person(1), person(2), person(3));

        assertEquals(new ImportReport("csv", 3, 3, 0, 0, true, List.of()), report);
        assertEquals(3, participants());
    }

    @Test
    void storedRowHoldsTheNormalisedValuesAndDerivedKeys() throws Exception {
        importCsv(false, line("Семёнов", "Пётр", "Ильич", "05.03.2010", "м", "1", "61 10", "100 001", snils(1),
                SCHOOL, "9а", "нет"));

        List<List<Object>> rows = database.query("SELECT surname, name, patronymic, search_key, birth_date, sex,"
                + " document_type, document_series, document_number, document_key, snils, snils_key, school_id,"
                + " class_name, category, special_needs, extra_minutes, consent_date, version FROM participant");
        TestSealing sealing = new TestSealing();
        assertEquals(List.of(List.of("Семёнов", "Пётр", "Ильич", "СЕМЕНОВ ПЕТР ИЛЬИЧ", Date.valueOf("2010-03-05"),
                "M", 1, sealing.seal("6110"), sealing.seal("100001"), sealing.fingerprint("1|6110|100001"),
                sealing.seal(snils(1)), sealing.fingerprint(snilsDigits(1)), SCHOOL_ID, "9А",
                "STUDENT", false, 0)), rows.stream().map(row -> row.subList(0, 17)).toList());
        assertEquals(asList(null, 1L), rows.get(0).subList(17, 19));
    }

    @Test
    void idsComeFromTheSequenceAndAreUniqueAcrossImports() throws Exception {
        long next = database.peekAtSequence("participant_seq");

        importCsv(false, person(1), person(2), person(3));
        importCsv(false, person(4), person(5));

        List<Long> ids = database.participantIds();
        assertEquals(5, new HashSet<>(ids).size(), "ids are unique: " + ids);
        assertTrue(ids.stream().allMatch(id -> id > 0), "ids are positive: " + ids);
        // Each import takes a block of 50 keys ending at the value NEXT VALUE gave.
        assertEquals(List.of(next - 49, next - 48, next - 47, next + 1, next + 2), ids);
        // The JPA side, reading the sequence the same way, gets the block after them.
        assertEquals(next + 100, database.peekAtSequence("participant_seq"));
    }

    @Test
    void manyRowsInSeveralBatchesAreAllStoredWithUniqueIds() throws Exception {
        importer.modified(new Config().batchSize(7));

        ImportReport report = importCsv(false, IntStream.rangeClosed(1, 240).mapToObj(ParticipantImporterTest::person)
                .toArray(String[]::new));

        assertEquals(new ImportReport("csv", 240, 240, 0, 0, true, List.of()), report);
        List<Long> ids = database.participantIds();
        assertEquals(240, new HashSet<>(ids).size(), "ids are unique");
        assertEquals(ids.get(0) + 239, ids.get(239), "ids are consecutive: " + ids);
        assertEquals(240, database.count("SELECT COUNT(DISTINCT document_key) FROM participant"));
    }

    @Test
    void progressIsReportedEveryThousandRowsAndAtTheEnd() throws Exception {
        String[] rows = IntStream.rangeClosed(1, 2500).mapToObj(ParticipantImporterTest::person).toArray(String[]::new);
        byte[] file = csvFile(rows);
        List<long[]> calls = new ArrayList<>();

        importer.importParticipants(new ImportRequest("text/csv", false, "big.csv"), new ByteArrayInputStream(file),
                (read, bytes) -> calls.add(new long[] {read, bytes}));

        assertEquals(List.of(1000L, 2000L, 2500L), calls.stream().map(call -> call[0]).toList());
        assertEquals(file.length, calls.get(2)[1]);
        assertTrue(calls.get(0)[1] <= calls.get(1)[1] && calls.get(1)[1] <= calls.get(2)[1]);
        assertEquals(2500, participants());
    }

    @Test
    void fileWithOnlyAHeaderStoresNothingAndIsNoError() throws Exception {
        ImportReport report = importCsv(false);

        assertEquals(new ImportReport("csv", 0, 0, 0, 0, false, List.of()), report);
        assertEquals(0, participants());
    }

    // --- re-imports ---

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        importCsv(false, person(1), person(2), person(3));
        List<Long> ids = database.participantIds();

        ImportReport again = importCsv(false, person(1), person(2), person(3));

        assertEquals(new ImportReport("csv", 3, 0, 3, 0, false, List.of()), again);
        assertEquals(ids, database.participantIds());
    }

    @Test
    void reimportWithNewRowsAddsOnlyThem() throws Exception {
        importCsv(false, person(1), person(2));

        ImportReport report = importCsv(false, person(1), person(2), person(3));

        assertEquals(new ImportReport("csv", 3, 1, 2, 0, true, List.of()), report);
        assertEquals(3, participants());
    }

    @Test
    void reimportMatchesTheDocumentHoweverItIsSpaced() throws Exception {
        importCsv(false, person(1));

        ImportReport report = importCsv(false, line("Иванов", "Иван", "Петрович", "15.03.2010", "М", "1", "61 10",
                "100 001", snils(1), SCHOOL, "9А", "нет"));

        assertEquals(new ImportReport("csv", 1, 0, 1, 0, false, List.of()), report);
    }

    @Test
    void reimportOfRowsWithoutOptionalValuesChangesNothing() throws Exception {
        String[] rows = {
            line("Петрова", "Анна", "", "30.11.2010", "Ж", "3", "IV-МЮ", "654321", "", SCHOOL, "9Б", ""),
            line("Оглы", "Айдар", "-", "01.02.2011", "М", "9", "", "AB1234", "", OTHER_SCHOOL, "8А", "да")};
        assertEquals(2, importCsv(false, rows).created());

        ImportReport again = importCsv(false, rows);

        assertEquals(new ImportReport("csv", 2, 0, 2, 0, false, List.of()), again);
        assertEquals(2, participants());
    }

    @Test
    void documentAlreadyInTheRegistryWithOtherDataIsRejected() throws Exception {
        importCsv(false, person(1));
        long id = database.participantIds().get(0);

        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importCsv(false,
                person(2),
                line("Сидоров", "Иван", "Петрович", "15.03.2010", "М", "1", "6110", number(1), snils(1), SCHOOL, "9А",
                        "нет")));

        assertEquals(new ImportReport("csv", 2, 0, 0, 1, false, List.of(new Problem(3, "Номер",
                "Участник с таким документом уже есть в реестре (id " + id + ") с другими данными. "
                        + "Исправьте данные в реестре или в файле"))), e.report());
        assertEquals(List.of(id), database.participantIds());
    }

    @Test
    void aClashWithARecordOutsideTheCallersTerritoryNamesNoRecord() throws Exception {
        importCsv(false, person(1));
        long id = database.participantIds().get(0);
        access.narrowTo(new AccessScope(false, java.util.Set.of(), java.util.Set.of(OTHER_SCHOOL)));

        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importCsv(false,
                line("Сидоров", "Иван", "Петрович", "15.03.2010", "М", "1", "6110", number(1), snils(2), OTHER_SCHOOL,
                        "9А", "нет"),
                line("Петров", "Пётр", "", "01.09.2009", "М", "1", "6110", number(7), snils(1), OTHER_SCHOOL, "9Б", "")));

        assertEquals(List.of(new Problem(2, "Номер", DuplicateKeys.REGISTERED_ELSEWHERE),
                new Problem(3, "СНИЛС", DuplicateKeys.REGISTERED_ELSEWHERE)), e.report().errors());
        e.report().errors().forEach(problem -> assertTrue(!problem.message().contains(Long.toString(id))
                && !problem.message().contains(SCHOOL), problem.message()));
        assertTrue(DuplicateKeys.REGISTERED_ELSEWHERE.contains("РЦОИ"));
    }

    @Test
    void snilsOfAnotherParticipantInTheRegistryIsRejected() throws Exception {
        importCsv(false, person(1));
        long id = database.participantIds().get(0);

        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importCsv(false,
                line("Петров", "Пётр", "", "01.09.2009", "М", "1", "6110", number(7), snils(1), SCHOOL, "9Б", "")));

        assertEquals(List.of(new Problem(2, "СНИЛС", "Этот СНИЛС уже есть в реестре у другого участника (id " + id
                + ")")), e.report().errors());
        assertEquals(1, participants());
    }

    @Test
    void registryIsCheckedInEveryBatch() throws Exception {
        importer.modified(new Config().batchSize(2));
        importCsv(false, person(5));

        ImportReport report = importCsv(true, person(1), person(2), person(3), person(4),
                line("Сидоров", "Иван", "Петрович", "15.03.2010", "М", "1", "6110", number(5), snils(5), SCHOOL, "9А",
                        "нет"),
                person(6));

        assertEquals(6, report.rows());
        assertEquals(5, report.created());
        assertEquals(1, report.rejected());
        assertEquals(List.of(6L), report.errors().stream().map(Problem::line).toList());
        assertEquals(6, participants());
    }

    // --- bad rows ---

    @Test
    void oneBadRowStoresNothingAndTheReportNamesItsLineAndColumn() throws Exception {
        String good = snils(2);
        String badChecksum = good.endsWith("00") ? "01" : "00";
        String bad = good.substring(0, 12) + badChecksum;

        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importCsv(false,
                person(1),
                line("Петрова", "Анна", "", "30.11.2010", "Ж", "1", "6110", number(2), bad, SCHOOL, "9Б", "нет"),
                person(3)));

        String digits = bad.replaceAll("[^0-9]", "");
        assertEquals(new ImportReport("csv", 3, 0, 0, 1, false, List.of(new Problem(3, "СНИЛС",
                "СНИЛС •••-•••-••• " + digits.substring(9) + ": неверная контрольная сумма. Проверьте все цифры"))),
                e.report());
        assertEquals("import-rejected", e.type());
        assertEquals("Файл не загружен: строк с ошибками 1 из 3. Исправьте их и загрузите файл снова или загрузите "
                + "только верные строки.", e.getMessage());
        assertEquals(0, participants());
    }

    @Test
    void rowsAlreadyWrittenBeforeABadRowAreRolledBack() throws Exception {
        importer.modified(new Config().batchSize(2));

        assertThrows(ImportRejectedException.class, () -> importCsv(false, person(1), person(2), person(3), person(4),
                person(5), line("Петрова", "Анна", "", "30.11.2010", "X", "1", "6110", number(6), snils(6), SCHOOL,
                        "9Б", "нет")));

        assertEquals(0, participants());
    }

    @Test
    void everyBadRowIsReportedNotOnlyTheFirst() throws Exception {
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importCsv(false,
                line("Петрова", "Анна", "", "30.11.2010", "X", "1", "6110", number(1), snils(1), SCHOOL, "9Б", "нет"),
                person(2),
                line("Петрова", "Анна", "", "31.02.2010", "Ж", "1", "6110", number(3), snils(3), SCHOOL, "9Б", "нет")));

        assertEquals(List.of(
                new Problem(2, "Пол", "Пол «X» не распознан; укажите М или Ж"),
                new Problem(4, "Дата рождения", "Дата рождения «31.02.2010» не существует; ожидается ДД.ММ.ГГГГ")),
                e.report().errors());
        assertEquals(2, e.report().rejected());
    }

    @Test
    void errorsAreListedInTheOrderOfTheLines() throws Exception {
        importCsv(false, person(1));

        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importCsv(false,
                line("Сидоров", "Иван", "Петрович", "15.03.2010", "М", "1", "6110", number(1), snils(1), SCHOOL, "9А",
                        "нет"),
                line("Петрова", "Анна", "", "30.11.2010", "X", "1", "6110", number(3), snils(3), SCHOOL, "9Б", "нет"),
                unknownSchool(4)));

        assertEquals(List.of(2L, 3L, 4L), e.report().errors().stream().map(Problem::line).toList());
    }

    @Test
    void reportListsNoMoreErrorsThanConfiguredButCountsThemAll() throws Exception {
        importer.modified(new Config().maxReportedErrors(2));

        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importCsv(false,
                unknownSchool(1), unknownSchool(2), unknownSchool(3)));

        assertEquals(3, e.report().rejected());
        assertEquals(List.of(2L, 3L), e.report().errors().stream().map(Problem::line).toList());
    }

    @Test
    void storeValidRowsStoresTheGoodRowsOnly() throws Exception {
        ImportReport report = importCsv(true, person(1),
                line("Петрова", "Анна", "", "30.11.2010", "Ж", "1", "6110", "12345", snils(2), SCHOOL, "9Б", "нет"),
                person(3));

        assertEquals(new ImportReport("csv", 3, 2, 0, 1, true, List.of(new Problem(3, "Номер",
                "Номер паспорта «•••45» должен состоять из 6 цифр. Если значение начинается с нуля, Excel мог удалить "
                        + "его — задайте столбцу текстовый формат и сохраните файл заново"))), report);
        assertEquals(2, participants());
        assertEquals(List.of(List.of(SEALING.seal(number(1))), List.of(SEALING.seal(number(3)))),
                database.query("SELECT document_number FROM participant ORDER BY id"));
    }

    @Test
    void duplicateDocumentInTheFileNamesTheLineOfTheFirst() throws Exception {
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importCsv(false,
                person(1),
                person(2),
                line("Петрова", "Анна", "", "30.11.2010", "Ж", "1", "61 10", "100 001", snils(9), SCHOOL, "9Б", "нет")));

        assertEquals(List.of(new Problem(4, "Номер", "Документ повторяется: он уже есть в строке 2 этого файла")),
                e.report().errors());
        assertEquals(0, participants());
    }

    @Test
    void duplicateSnilsInTheFileNamesTheLineOfTheFirst() throws Exception {
        ImportReport report = importCsv(true,
                person(1),
                person(2),
                line("Петрова", "Анна", "", "30.11.2010", "Ж", "1", "6110", number(9), snils(2).replace(" ", ""),
                        SCHOOL, "9Б", "нет"));

        assertEquals(List.of(new Problem(4, "СНИЛС", "СНИЛС повторяется: он уже есть в строке 3 этого файла")),
                report.errors());
        assertEquals(2, participants());
    }

    @Test
    void duplicateIsFoundAcrossBatches() throws Exception {
        importer.modified(new Config().batchSize(2));

        ImportReport report = importCsv(true, person(1), person(2), person(3), person(4), person(5), person(2));

        assertEquals(List.of(new Problem(7, "Номер", "Документ повторяется: он уже есть в строке 3 этого файла"),
                new Problem(7, "СНИЛС", "СНИЛС повторяется: он уже есть в строке 3 этого файла")), report.errors());
        assertEquals(1, report.rejected());
        assertEquals(5, participants());
    }

    @Test
    void unknownSchoolIsRejected() throws Exception {
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> importCsv(false, person(1), unknownSchool(2)));

        assertEquals(List.of(new Problem(3, "Код ОО",
                "ОО с кодом «999999» нет в реестре. Проверьте код или сначала добавьте ОО")), e.report().errors());
        assertEquals(0, participants());
    }

    @Test
    void participantsAreStoredWithTheirSchool() throws Exception {
        importCsv(false, person(1), line("Петрова", "Анна", "", "30.11.2010", "Ж", "1", "6110", number(2), snils(2),
                OTHER_SCHOOL, "9Б", "нет"));

        assertEquals(List.of(List.of(SEALING.seal(number(1)), SCHOOL_ID), List.of(SEALING.seal(number(2)), OTHER_SCHOOL_ID)),
                database.query("SELECT document_number, school_id FROM participant ORDER BY id"));
    }

    // --- special needs ---

    @Test
    void participantWithSpecialNeedsGetsTheConfiguredExtraMinutes() throws Exception {
        importer.modified(new Config().specialNeedsExtraMinutes(45));

        importCsv(false,
                line("Петрова", "Анна", "", "30.11.2010", "Ж", "1", "6110", number(1), snils(1), SCHOOL, "9Б", "да"),
                line("Иванов", "Иван", "", "15.03.2010", "М", "1", "6110", number(2), snils(2), SCHOOL, "9Б", "нет"),
                line("Кузнецова", "Мария", "", "01.01.2010", "Ж", "1", "6110", number(3), snils(3), SCHOOL, "9Б", ""));

        assertEquals(List.of(
                List.of(SEALING.seal(number(1)), true, 45),
                List.of(SEALING.seal(number(2)), false, 0),
                List.of(SEALING.seal(number(3)), false, 0)),
                database.query("SELECT document_number, special_needs, extra_minutes FROM participant ORDER BY id"));
    }

    @Test
    void defaultExtraMinutesAreThirty() throws Exception {
        importCsv(false,
                line("Петрова", "Анна", "", "30.11.2010", "Ж", "1", "6110", number(1), snils(1), SCHOOL, "9Б", "да"));

        assertEquals(List.of(List.of(true, 30)), database.query("SELECT special_needs, extra_minutes FROM participant"));
    }

    // --- limits and formats ---

    @Test
    void fileOverTheSizeLimitFailsAndStoresNothing() throws Exception {
        importer.modified(new Config().maxMegabytes(1));
        byte[] file = csvFile(IntStream.rangeClosed(1, 12_000).mapToObj(ParticipantImporterTest::person)
                .toArray(String[]::new));
        assertTrue(file.length > 1024 * 1024, "the file is over 1 MB: " + file.length);

        TooLargeException e = assertThrows(TooLargeException.class, () -> importer.importParticipants(
                new ImportRequest("text/csv", true, "big.csv"), new ByteArrayInputStream(file), ImportProgress.NONE));

        assertEquals("Файл больше допустимого размера 1 МБ. Разделите его на части или попросите администратора "
                + "увеличить import_max_megabytes.", e.getMessage());
        assertEquals(0, participants());
    }

    @Test
    void fileUnderTheSizeLimitIsImported() throws Exception {
        importer.modified(new Config().maxMegabytes(1));
        byte[] file = csvFile(IntStream.rangeClosed(1, 5_000).mapToObj(ParticipantImporterTest::person)
                .toArray(String[]::new));
        assertTrue(file.length < 1024 * 1024, "the file is under 1 MB: " + file.length);

        ImportReport report = importer.importParticipants(new ImportRequest("text/csv", false, "ok.csv"),
                new ByteArrayInputStream(file), ImportProgress.NONE);

        assertEquals(5_000, report.created());
        assertEquals(5_000, participants());
    }

    @Test
    void unknownMediaTypeIsUnsupported() {
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> importer.importParticipants(new ImportRequest("application/pdf", false, "list.pdf"),
                        new ByteArrayInputStream(new byte[0]), ImportProgress.NONE));

        assertEquals("Файлы типа «application/pdf» загрузить нельзя. Поддерживаются: text/csv", e.getMessage());
        assertEquals("unsupported-format", e.type());
    }

    @Test
    void unsupportedMessageListsEveryRegisteredMediaType() {
        importer.addFormat(new FakeFormat(), Map.of(ParticipantImportFormat.MEDIA_TYPE,
                new String[] {"application/vnd.ms-excel", "text/csv"}, "service.id", 7L));

        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> importer.importParticipants(new ImportRequest("application/json", false, "x.json"),
                        new ByteArrayInputStream(new byte[0]), ImportProgress.NONE));

        assertEquals("Файлы типа «application/json» загрузить нельзя. Поддерживаются: application/vnd.ms-excel, text/csv",
                e.getMessage());
    }

    @Test
    void mediaTypeIsMatchedWhateverItsCase() throws Exception {
        ImportReport report = importer.importParticipants(new ImportRequest("Text/CSV", false, "a.csv"),
                new ByteArrayInputStream(csvFile(person(1))), ImportProgress.NONE);

        assertEquals("csv", report.format());
        assertEquals(1, report.created());
    }

    @Test
    void higherRankedFormatWinsAndRemovingItBringsTheCsvFormatBack() throws Exception {
        FakeFormat fake = new FakeFormat();
        importer.addFormat(fake, Map.of(ParticipantImportFormat.MEDIA_TYPE, "text/csv", "service.ranking", 10,
                "service.id", 2L));

        ImportReport byFake = importCsv(false, person(1));

        assertSame(fake, importer.formatFor("text/csv").orElseThrow());
        assertEquals(new ImportReport("fake", 1, 1, 0, 0, true, List.of()), byFake);
        assertEquals(List.of(List.of("Регионова", SEALING.seal("7777"), SEALING.seal("777777"))),
                database.query("SELECT surname, document_series, document_number FROM participant"));

        importer.removeFormat(fake);

        assertSame(csv, importer.formatFor("text/csv").orElseThrow());
        assertEquals("csv", importCsv(false, person(1)).format());
    }

    @Test
    void lowerRankedFormatDoesNotWin() {
        importer.addFormat(new FakeFormat(), Map.of(ParticipantImportFormat.MEDIA_TYPE, "text/csv",
                "service.ranking", -200, "service.id", 2L));

        assertSame(csv, importer.formatFor("text/csv").orElseThrow());
    }

    @Test
    void onEqualRankingTheFormatRegisteredFirstWins() {
        FakeFormat older = new FakeFormat();
        FakeFormat newer = new FakeFormat();
        importer.removeFormat(csv);
        importer.addFormat(newer, Map.of(ParticipantImportFormat.MEDIA_TYPE, "text/csv", "service.id", 9L));
        importer.addFormat(older, Map.of(ParticipantImportFormat.MEDIA_TYPE, "text/csv", "service.id", 3L));

        assertSame(older, importer.formatFor("text/csv").orElseThrow());
    }

    @Test
    void formatWithoutARankingRanksZero() {
        FakeFormat unranked = new FakeFormat();
        importer.addFormat(unranked, Map.of(ParticipantImportFormat.MEDIA_TYPE, "text/csv", "service.id", 2L));

        assertSame(unranked, importer.formatFor("text/csv").orElseThrow());
    }

    // --- helpers ---

    // --- per-school counts, digests, background jobs ---

    @Test
    void storedRowsAreCountedPerSchoolInTheSameTransaction() throws Exception {
        importCsv(false, person(1), person(2), line("Петров", "Пётр", "Ильич", "15.03.2010", "М", "1", "6110",
                number(3), snils(3), OTHER_SCHOOL, "9А", "нет"));
        assertThrows(ImportRejectedException.class, () -> importCsv(false, person(4), unknownSchool(5)));

        assertEquals(2, database.count("SELECT participants FROM participant_count WHERE school_id = " + SCHOOL_ID));
        assertEquals(1, database.count("SELECT participants FROM participant_count WHERE school_id = " + OTHER_SCHOOL_ID));
    }

    @Test
    void aFileWhoseDigestDoesNotMatchStoresNothing() throws Exception {
        byte[] file = csvFile(person(1), person(2));
        InvalidInputException wrong = assertThrows(InvalidInputException.class, () -> importer.importParticipants(
                new ImportRequest("text/csv", false, "test.csv", "0".repeat(64)), new ByteArrayInputStream(file),
                ImportProgress.NONE));
        assertEquals("digest-mismatch", wrong.type());
        assertEquals(0, participants());

        ImportReport report = importer.importParticipants(new ImportRequest("text/csv", false, "test.csv", sha256(file)),
                new ByteArrayInputStream(file), ImportProgress.NONE);
        assertEquals(2, report.created());
    }

    @Test
    void backgroundJobRunsToDoneAndKeepsItsReport() throws Exception {
        byte[] file = csvFile(person(1), person(2), person(3));
        ImportJob queued = importer.submit(new ImportRequest("text/csv", false, "job.csv", sha256(file)),
                new ByteArrayInputStream(file));
        assertEquals(ImportJobState.QUEUED, queued.state());
        assertEquals(file.length, queued.totalBytes());

        ImportJob done = awaitJob(queued.id());
        assertEquals(ImportJobState.DONE, done.state());
        assertEquals(new ImportReport("csv", 3, 3, 0, 0, true, List.of()), done.report());
        assertEquals(file.length, done.bytesRead());
        assertEquals(3, participants());
    }

    @Test
    void backgroundJobWithBadRowsIsRejectedWithItsErrors() throws Exception {
        ImportJob job = awaitJob(importer.submit(new ImportRequest("text/csv", false, "bad.csv"),
                new ByteArrayInputStream(csvFile(person(1), unknownSchool(2)))).id());
        assertEquals(ImportJobState.REJECTED, job.state());
        assertEquals(3, job.report().errors().get(0).line());
        assertEquals(0, participants());
        assertThrows(NotFoundException.class, () -> importer.job("no-such-job"));
    }

    private ImportJob awaitJob(String id) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ImportJob job = importer.job(id);
            if (job.state() != ImportJobState.QUEUED && job.state() != ImportJobState.RUNNING) {
                return job;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private ImportReport importCsv(boolean storeValidRows, String... rows) {
        return importer.importParticipants(new ImportRequest("text/csv", storeValidRows, "test.csv"),
                new ByteArrayInputStream(csvFile(rows)), ImportProgress.NONE);
    }

    private long participants() throws Exception {
        return database.count("SELECT COUNT(*) FROM participant");
    }

    private static byte[] csvFile(String... rows) {
        StringBuilder file = new StringBuilder(HEADER).append("\r\n");
        for (String row : rows) {
            file.append(row).append("\r\n");
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A valid row, different from person(m) in document and СНИЛС for n ≠ m. */
    private static String person(int n) {
        return line("Иванов", "Иван", "Петрович", "15.03.2010", "М", "1", "6110", number(n), snils(n), SCHOOL, "9А",
                "нет");
    }

    private static String unknownSchool(int n) {
        return line("Иванов", "Иван", "Петрович", "15.03.2010", "М", "1", "6110", number(n), snils(n), "999999", "9А",
                "нет");
    }

    private static String line(String... cells) {
        return String.join(";", cells);
    }

    private static String number(int n) {
        return Integer.toString(100_000 + n);
    }

    /** A valid СНИЛС, written as 123-456-789 01, past the numbers issued without a checksum. */
    static String snils(int n) {
        String nine = String.format("%09d", 200_000_000L + 1_000L * n);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (9 - i);
        }
        int checksum = sum < 100 ? sum : sum % 101 == 100 ? 0 : sum % 101;
        return nine.substring(0, 3) + "-" + nine.substring(3, 6) + "-" + nine.substring(6) + " "
                + String.format("%02d", checksum);
    }

    private static String snilsDigits(int n) {
        return snils(n).replaceAll("[^0-9]", "");
    }

    private static List<Object> asList(Object... values) {
        return java.util.Arrays.asList(values);
    }

    /** Settings with the defaults of {@link RegistryConfig}, some changed by a test. */
    private static final class Config implements RegistryConfig {
        private int extraMinutes = 30;
        private int maxMegabytes = 512;
        private int maxReportedErrors = 1000;
        private int batchSize = 1000;

        Config specialNeedsExtraMinutes(int minutes) {
            extraMinutes = minutes;
            return this;
        }

        Config maxMegabytes(int megabytes) {
            maxMegabytes = megabytes;
            return this;
        }

        Config maxReportedErrors(int errors) {
            maxReportedErrors = errors;
            return this;
        }

        Config batchSize(int rows) {
            batchSize = rows;
            return this;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return RegistryConfig.class;
        }

        @Override
        public int special_needs_extra_minutes() {
            return extraMinutes;
        }

        @Override
        public int import_max_megabytes() {
            return maxMegabytes;
        }

        @Override
        public int import_max_reported_errors() {
            return maxReportedErrors;
        }

        @Override
        public int import_batch_size() {
            return batchSize;
        }

        @Override
        public String seating_start() {
            return "09:00";
        }

        @Override
        public int seating_slot_minutes() {
            return 15;
        }

        @Override
        public int seating_changeover_minutes() {
            return 5;
        }
    }

    /** A region's format: whatever the file holds, it reads one fixed participant, as a plain reader. */
    private static final class FakeFormat implements ParticipantImportFormat {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public ParticipantRowReader open(InputStream data) {
            long size;
            try (data) {
                size = data.readAllBytes().length;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<ParticipantField, String> values = new EnumMap<>(ParticipantField.class);
            values.put(ParticipantField.SURNAME, "Регионова");
            values.put(ParticipantField.NAME, "Вера");
            values.put(ParticipantField.BIRTH_DATE, "2010-01-20");
            values.put(ParticipantField.SEX, "Ж");
            values.put(ParticipantField.DOCUMENT_TYPE, "1");
            values.put(ParticipantField.DOCUMENT_SERIES, "7777");
            values.put(ParticipantField.DOCUMENT_NUMBER, "777777");
            values.put(ParticipantField.SCHOOL_CODE, SCHOOL);
            values.put(ParticipantField.CLASS, "9В");
            List<ParticipantRow> rows = new ArrayList<>(List.of(new ParticipantRow(2, values)));
            return new ParticipantRowReader() {
                @Override
                public ParticipantRow next() {
                    return rows.isEmpty() ? null : rows.remove(0);
                }

                @Override
                public long bytesRead() {
                    return size;
                }

                @Override
                public Set<ParticipantField> fields() {
                    return values.keySet();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
