package org.attesta.registry.internal.imports;

import static org.attesta.api.region.ParticipantField.BIRTH_DATE;
import static org.attesta.api.region.ParticipantField.CLASS;
import static org.attesta.api.region.ParticipantField.DOCUMENT_NUMBER;
import static org.attesta.api.region.ParticipantField.DOCUMENT_SERIES;
import static org.attesta.api.region.ParticipantField.DOCUMENT_TYPE;
import static org.attesta.api.region.ParticipantField.NAME;
import static org.attesta.api.region.ParticipantField.PATRONYMIC;
import static org.attesta.api.region.ParticipantField.SCHOOL_CODE;
import static org.attesta.api.region.ParticipantField.SEX;
import static org.attesta.api.region.ParticipantField.SNILS;
import static org.attesta.api.region.ParticipantField.SPECIAL_NEEDS;
import static org.attesta.api.region.ParticipantField.SURNAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.attesta.api.common.Problem;
import org.attesta.api.region.ParticipantField;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.registry.DocumentType;
import org.attesta.api.registry.IdentityDocument;
import org.attesta.api.registry.ParticipantCategory;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.api.registry.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RowValidatorTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** 1 September 2025, 10:00 in Moscow. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-01T07:00:00Z"), MOSCOW);
    private static final long LINE = 7;

    private final RowValidator validator = new RowValidator(CLOCK);

    // --- the whole row ---

    @Test
    void goodRowBecomesADraft() {
        RowValidator.Validated result = validator.validate(row(Map.of()));

        assertTrue(result.valid());
        assertEquals(List.of(), result.problems());
        assertEquals(new ParticipantDraft("Иванов", "Иван", "Иванович", LocalDate.of(2010, 3, 5), Sex.MALE,
                new IdentityDocument(DocumentType.PASSPORT_RF, "4508", "123456"), "112-233-445 95", "500101", "9А",
                ParticipantCategory.STUDENT, false, 0, null), result.draft());
    }

    @Test
    void allProblemsOfARowAreReported() {
        RowValidator.Validated result = validator.validate(row(Map.of(SURNAME, "Иван0в", NAME, "", BIRTH_DATE,
                "31.02.2010", SEX, "X", DOCUMENT_NUMBER, "12345", SNILS, "112-233-445 96", CLASS, "9А!")));

        assertNull(result.draft());
        assertFalse(result.valid());
        assertEquals(List.of(
                problem("Фамилия", "Фамилия «Иван0в» содержит недопустимые символы: «0». Допустимы русские и латинские "
                        + "буквы, дефис, апостроф и пробел"),
                problem("Имя", "Не заполнено обязательное поле «Имя»"),
                problem("Дата рождения", "Дата рождения «31.02.2010» не существует; ожидается ДД.ММ.ГГГГ"),
                problem("Пол", "Пол «X» не распознан; укажите М или Ж"),
                problem("Номер", "Номер паспорта «•••45» должен состоять из 6 цифр. Если значение начинается с нуля, "
                        + "Excel мог удалить его — задайте столбцу текстовый формат и сохраните файл заново"),
                problem("СНИЛС", "СНИЛС •••-•••-••• 96: неверная контрольная сумма. Проверьте все цифры"),
                problem("Класс", "Класс «9А!»: ожидаются цифры и буква, например 9А (не более 10 символов, "
                        + "без знаков кроме дефиса)")),
                result.problems());
    }

    @Test
    void problemsFromReadingTheRowComeFirstAndPreventADraft() {
        Problem shape = new Problem(LINE, "Класс", "В строке 10 полей, а в заголовке 12");

        RowValidator.Validated result = validator.validate(row(Map.of(SEX, "?")), List.of(shape));

        assertNull(result.draft());
        assertEquals(List.of(shape, problem("Пол", "Пол «?» не распознан; укажите М или Ж")), result.problems());
    }

    @Test
    void readProblemsAloneAlsoPreventADraft() {
        Problem shape = new Problem(LINE, "столбец 13", "лишнее значение");

        RowValidator.Validated result = validator.validate(row(Map.of()), List.of(shape));

        assertNull(result.draft());
        assertEquals(List.of(shape), result.problems());
    }

    // --- required fields ---

    @Test
    void everyMissingRequiredFieldIsReported() {
        Map<ParticipantField, String> values = new EnumMap<>(ParticipantField.class);
        values.put(PATRONYMIC, "Иванович");
        values.put(SEX, "  ");

        RowValidator.Validated result = validator.validate(new ParticipantRow(LINE, values));

        List<String> expected = List.of("Фамилия", "Имя", "Дата рождения", "Пол", "Тип документа", "Номер", "Код ОО",
                "Класс");
        assertEquals(expected.stream().map(t -> problem(t, "Не заполнено обязательное поле «" + t + "»")).toList(),
                result.problems());
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        Map<ParticipantField, String> values = new EnumMap<>(valid());
        values.remove(PATRONYMIC);
        values.remove(SNILS);
        values.remove(SPECIAL_NEEDS);
        values.put(DOCUMENT_TYPE, "3");
        values.remove(DOCUMENT_SERIES);

        ParticipantDraft draft = validator.validate(new ParticipantRow(LINE, values)).draft();

        assertNull(draft.patronymic());
        assertNull(draft.snils());
        assertFalse(draft.specialNeeds());
        assertEquals(new IdentityDocument(DocumentType.BIRTH_CERTIFICATE, "", "123456"), draft.document());
    }

    // --- names ---

    @Test
    void namesHaveWhitespaceCollapsed() {
        ParticipantDraft draft = validate(Map.of(SURNAME, " Салтыков \u00a0 Щедрин ", NAME, "Анна\u2003Мария"));

        assertEquals("Салтыков Щедрин", draft.surname());
        assertEquals("Анна Мария", draft.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Салтыков-Щедрин", "Д'Артаньян", "О’Нил", "Smith", "Ёлкина", "Мамед оглы"})
    void namesAllowLettersHyphensApostrophesAndSpaces(String surname) {
        assertEquals(surname, validate(Map.of(SURNAME, surname)).surname());
    }

    @Test
    void namesRejectDigitsAndMarkupListingEachCharacterOnce() {
        assertEquals(List.of(problem("Имя", "Имя «<b>Иван</b>» содержит недопустимые символы: «<», «>», «/». "
                        + "Допустимы русские и латинские буквы, дефис, апостроф и пробел")),
                problems(Map.of(NAME, "<b>Иван</b>")));
    }

    @Test
    void namesRejectLettersOfOtherScripts() {
        assertEquals(List.of(problem("Отчество", "Отчество «Ἀλέξανδρος» содержит недопустимые символы: «Ἀ», «λ», «έ», "
                        + "«ξ», «α», «ν», «δ», «ρ», «ο», «ς». Допустимы русские и латинские буквы, дефис, апостроф и пробел")),
                problems(Map.of(PATRONYMIC, "Ἀλέξανδρος")));
    }

    @Test
    void namesNeedALetter() {
        assertEquals(List.of(problem("Фамилия", "Фамилия «'-'»: нет ни одной буквы")),
                problems(Map.of(SURNAME, "'-'")));
    }

    @Test
    void namesAreAtMost80Characters() {
        assertEquals("Я".repeat(80), validate(Map.of(SURNAME, "Я".repeat(80))).surname());
        assertEquals(List.of(problem("Фамилия", "Фамилия длиннее 80 символов (81). Сократите значение")),
                problems(Map.of(SURNAME, "Я".repeat(81))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "—", "–"})
    void aDashForPatronymicMeansNone(String dash) {
        assertNull(validate(Map.of(PATRONYMIC, dash)).patronymic());
    }

    // --- birth date ---

    @ParameterizedTest
    @CsvSource({"05.03.2010", "5.3.2010", "05.3.2010", "2010-03-05"})
    void birthDateFormats(String text) {
        assertEquals(LocalDate.of(2010, 3, 5), validate(Map.of(BIRTH_DATE, text)).birthDate());
    }

    @Test
    void birthDateThatDoesNotExist() {
        assertEquals(List.of(problem("Дата рождения", "Дата рождения «29.02.2011» не существует; ожидается ДД.ММ.ГГГГ")),
                problems(Map.of(BIRTH_DATE, "29.02.2011")));
        assertEquals(LocalDate.of(2012, 2, 29), validate(Map.of(BIRTH_DATE, "29.02.2012")).birthDate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2010/03/05", "05.03.10", "5 марта 2010", "05-03-2010", "2010-3-5", "05.03.2010г"})
    void birthDateInAnotherFormat(String text) {
        assertEquals(List.of(problem("Дата рождения", "Дата рождения «" + text + "» не распознана; ожидается "
                + "ДД.ММ.ГГГГ (например 05.03.2010)")), problems(Map.of(BIRTH_DATE, text)));
    }

    @Test
    void birthDateInTheFuture() {
        assertEquals(List.of(problem("Дата рождения", "Дата рождения «02.09.2025» в будущем")),
                problems(Map.of(BIRTH_DATE, "02.09.2025")));
    }

    @Test
    void ageFrom10To60AtTheClockDate() {
        assertEquals(LocalDate.of(2015, 9, 1), validate(Map.of(BIRTH_DATE, "01.09.2015")).birthDate());
        assertEquals(LocalDate.of(1964, 9, 2), validate(Map.of(BIRTH_DATE, "02.09.1964")).birthDate());
        assertEquals(List.of(problem("Дата рождения", "Дата рождения «02.09.2015»: участнику 9 лет, а допустимый "
                + "возраст — от 10 до 60 лет. Проверьте год")), problems(Map.of(BIRTH_DATE, "02.09.2015")));
        assertEquals(List.of(problem("Дата рождения", "Дата рождения «01.09.1964»: участнику 61 год, а допустимый "
                + "возраст — от 10 до 60 лет. Проверьте год")), problems(Map.of(BIRTH_DATE, "01.09.1964")));
        assertEquals(List.of(problem("Дата рождения", "Дата рождения «01.09.2025»: участнику 0 лет, а допустимый "
                + "возраст — от 10 до 60 лет. Проверьте год")), problems(Map.of(BIRTH_DATE, "01.09.2025")));
    }

    @Test
    void ageFollowsTheClock() {
        RowValidator later = new RowValidator(Clock.fixed(Instant.parse("2075-09-01T07:00:00Z"), MOSCOW));

        assertEquals(1, later.validate(row(Map.of())).problems().size());
    }

    @Test
    void yearsWordAgreesWithTheNumber() {
        assertEquals("год", RowValidator.yearsWord(21));
        assertEquals("года", RowValidator.yearsWord(54));
        assertEquals("лет", RowValidator.yearsWord(11));
        assertEquals("лет", RowValidator.yearsWord(5));
    }

    // --- sex ---

    @ParameterizedTest
    @CsvSource({"М,MALE", "м,MALE", "муж,MALE", "Муж.,MALE", "мужской,MALE", "M,MALE", "male,MALE", "1,MALE",
        "Ж,FEMALE", "ж,FEMALE", "жен,FEMALE", "ЖЕНСКИЙ,FEMALE", "F,FEMALE", "Female,FEMALE", "2,FEMALE"})
    void sexSpellings(String text, Sex sex) {
        assertEquals(sex, validate(Map.of(SEX, text)).sex());
    }

    @ParameterizedTest
    @ValueSource(strings = {"мужчина", "3", "W", "мж"})
    void unknownSex(String text) {
        assertEquals(List.of(problem("Пол", "Пол «" + text + "» не распознан; укажите М или Ж")),
                problems(Map.of(SEX, text)));
    }

    // --- document type ---

    @ParameterizedTest
    @CsvSource({"1,PASSPORT_RF", "01,PASSPORT_RF", "PASSPORT_RF,PASSPORT_RF", "passport_rf,PASSPORT_RF",
        "Паспорт гражданина РФ,PASSPORT_RF", "паспорт,PASSPORT_RF", "Паспорт РФ,PASSPORT_RF",
        "3,BIRTH_CERTIFICATE", "Свидетельство о рождении,BIRTH_CERTIFICATE", "св-во о рождении,BIRTH_CERTIFICATE",
        "свид. о рождении,BIRTH_CERTIFICATE", "BIRTH_CERTIFICATE,BIRTH_CERTIFICATE",
        "9,FOREIGN_PASSPORT", "паспорт иностранного гражданина,FOREIGN_PASSPORT",
        "12,RESIDENCE_PERMIT", "Вид на жительство,RESIDENCE_PERMIT", "ВНЖ,RESIDENCE_PERMIT",
        "15,OTHER", "Иной документ,OTHER", "other,OTHER"})
    void documentTypeByCodeNameOrTitle(String text, DocumentType type) {
        assertEquals(type, DocumentRules.type(text));
    }

    @Test
    void unknownDocumentTypeListsTheCodesAndSkipsSeriesAndNumberRules() {
        assertEquals(List.of(problem("Тип документа", "Тип документа «2» не распознан; укажите код или название: "
                        + "1 — Паспорт гражданина РФ, 3 — Свидетельство о рождении, 9 — Паспорт иностранного гражданина, "
                        + "12 — Вид на жительство, 15 — Иной документ")),
                problems(Map.of(DOCUMENT_TYPE, "2", DOCUMENT_SERIES, "x", DOCUMENT_NUMBER, "y")));
    }

    // --- series and number ---

    @Test
    void passportSeriesIsRequired() {
        assertEquals(List.of(problem("Серия", "Для паспорта гражданина РФ нужна серия: 4 цифры (например 45 08)")),
                problems(Map.of(DOCUMENT_SERIES, " ")));
    }

    @Test
    void passportSeriesAndNumberLoseTheirSpaces() {
        ParticipantDraft draft = validate(Map.of(DOCUMENT_SERIES, "45 08", DOCUMENT_NUMBER, "123 456"));

        assertEquals(new IdentityDocument(DocumentType.PASSPORT_RF, "4508", "123456"), draft.document());
    }

    @Test
    void passportSeriesIsFourDigits() {
        assertEquals(List.of(problem("Серия", "Серия паспорта «••••» должна состоять из 4 цифр (например 45 08)")),
                problems(Map.of(DOCUMENT_SERIES, "45О8")));
        assertEquals(List.of(problem("Серия", "Серия паспорта «•••» должна состоять из 4 цифр (например 45 08). "
                + "Если значение начинается с нуля, Excel мог удалить его — задайте столбцу текстовый формат и "
                + "сохраните файл заново")), problems(Map.of(DOCUMENT_SERIES, "508")));
    }

    @Test
    void passportNumberIsSixDigits() {
        assertEquals(List.of(problem("Номер", "Номер паспорта «•••••67» должен состоять из 6 цифр")),
                problems(Map.of(DOCUMENT_NUMBER, "1234567")));
    }

    @ParameterizedTest
    @CsvSource({"IV-МЮ,IV-МЮ", "iv-мю,IV-МЮ", "IV МЮ,IV-МЮ", "IVМЮ,IV-МЮ", "IV–МЮ,IV-МЮ", "ХІ-АБ,XI-АБ",
        "XIV-AK,XIV-АК", "I-ЛО,I-ЛО", "CCXC-ЯЁ,CCXC-ЯЁ", "ХС-СС,XC-СС"})
    void birthCertificateSeries(String text, String series) {
        ParticipantDraft draft = validate(Map.of(DOCUMENT_TYPE, "3", DOCUMENT_SERIES, text));

        assertEquals(new IdentityDocument(DocumentType.BIRTH_CERTIFICATE, series, "123456"), draft.document());
    }

    @ParameterizedTest
    @ValueSource(strings = {"IIII-МЮ", "IV-МЮЯ", "12-МЮ", "IV-", "-МЮ", "МЮ", "IV-MQ", "VX-АБ"})
    void birthCertificateSeriesNotMatchingThePattern(String text) {
        assertEquals(List.of(problem("Серия", "Серия свидетельства о рождении «" + "•".repeat(text.length()) + "» не по образцу: римское "
                + "число, дефис и две русские буквы (например IV-МЮ)")),
                problems(Map.of(DOCUMENT_TYPE, "3", DOCUMENT_SERIES, text)));
    }

    @Test
    void birthCertificateNumberIsSixDigits() {
        assertEquals(List.of(problem("Номер", "Номер свидетельства о рождении «••••5А» должен состоять из 6 цифр")),
                problems(Map.of(DOCUMENT_TYPE, "3", DOCUMENT_SERIES, "IV-МЮ", DOCUMENT_NUMBER, "12345А")));
    }

    @Test
    void otherDocumentsTakeUpTo12LettersAndDigits() {
        ParticipantDraft draft = validate(Map.of(DOCUMENT_TYPE, "9", DOCUMENT_SERIES, "  ab  12 ",
                DOCUMENT_NUMBER, "x 1234567890y"));

        assertEquals(new IdentityDocument(DocumentType.FOREIGN_PASSPORT, "AB 12", "X1234567890Y"), draft.document());
        assertEquals(List.of(problem("Номер", "Номер документа «•••••••••••23» должен содержать от 1 до 12 букв и цифр")),
                problems(Map.of(DOCUMENT_TYPE, "12", DOCUMENT_NUMBER, "1234567890123")));
        assertEquals(List.of(problem("Номер", "Номер документа «•••34» должен содержать от 1 до 12 букв и цифр")),
                problems(Map.of(DOCUMENT_TYPE, "15", DOCUMENT_NUMBER, "12/34")));
    }

    @Test
    void otherDocumentsMayHaveNoSeries() {
        ParticipantDraft draft = validate(Map.of(DOCUMENT_TYPE, "12", DOCUMENT_SERIES, ""));

        assertEquals(new IdentityDocument(DocumentType.RESIDENCE_PERMIT, "", "123456"), draft.document());
    }

    @Test
    void otherDocumentSeriesIsShortText() {
        assertEquals(List.of(problem("Серия", "Серия документа «••••»: допустимы буквы, цифры, пробел и дефис, "
                + "не более 20 символов")), problems(Map.of(DOCUMENT_TYPE, "9", DOCUMENT_SERIES, "AB#1")));
    }

    // --- СНИЛС ---

    @ParameterizedTest
    @ValueSource(strings = {"11223344595", "112-233-445 95", "112 233 445 95", "112-233-445-95"})
    void snilsIsStoredFormatted(String text) {
        assertEquals("112-233-445 95", validate(Map.of(SNILS, text)).snils());
    }

    @Test
    void badSnilsUsesTheSnilsMessage() {
        assertEquals(List.of(problem("СНИЛС", "СНИЛС должен состоять из 11 цифр (например 112-233-445 95)")),
                problems(Map.of(SNILS, "112-233-445")));
    }

    // --- school, class, special needs ---

    @Test
    void schoolCodeIsTrimmedAndAtMost20Characters() {
        assertEquals("500101", validate(Map.of(SCHOOL_CODE, "  500101 ")).schoolCode());
        assertEquals("x".repeat(20), validate(Map.of(SCHOOL_CODE, "x".repeat(20))).schoolCode());
        assertEquals(List.of(problem("Код ОО", "Код ОО «" + "1".repeat(21) + "» длиннее 20 символов")),
                problems(Map.of(SCHOOL_CODE, "1".repeat(21))));
    }

    @ParameterizedTest
    @CsvSource({"9А,9А", "9 А,9А", "9а,9А", "9A,9А", "11,11", "10-Б,10-Б", "9IT,9IT", "9 Г 2,9Г2"})
    void classIsNormalised(String text, String className) {
        assertEquals(className, validate(Map.of(CLASS, text)).className());
    }

    @Test
    void classIsAtMost10Characters() {
        assertEquals("1234567890", validate(Map.of(CLASS, "1234567890")).className());
        assertEquals(List.of(problem("Класс", "Класс «12345678901»: ожидаются цифры и буква, например 9А "
                + "(не более 10 символов, без знаков кроме дефиса)")), problems(Map.of(CLASS, "12345678901")));
    }

    @ParameterizedTest
    @CsvSource(value = {"'',false", "нет,false", "Нет,false", "no,false", "0,false", "false,false", "-,false",
        "да,true", "ДА,true", "yes,true", "1,true", "TRUE,true", "+,true", "ОВЗ,true"})
    void specialNeedsSpellings(String text, boolean specialNeeds) {
        ParticipantDraft draft = validate(Map.of(SPECIAL_NEEDS, text));

        assertEquals(specialNeeds, draft.specialNeeds());
        // The importer fills in the configured extra minutes for special needs.
        assertEquals(specialNeeds ? null : Integer.valueOf(0), draft.extraMinutes());
    }

    @Test
    void unknownSpecialNeeds() {
        assertEquals(List.of(problem("ОВЗ", "Значение ОВЗ «может быть» не распознано; укажите «да» или «нет»")),
                problems(Map.of(SPECIAL_NEEDS, "может быть")));
    }

    @Test
    void draftIsAStudentWithoutConsent() {
        ParticipantDraft draft = validate(Map.of());

        assertEquals(ParticipantCategory.STUDENT, draft.category());
        assertNull(draft.consentDate());
    }

    // --- control and invisible characters ---

    @ParameterizedTest
    @ValueSource(strings = {"\u001B[2J", "\u202E", "\u2066", "\u200F", "\t", "\n", "\u0000", "\u009B", "\u200D", "\u007F"})
    void aControlOrBidiCharacterInAnyFieldRejectsTheRowByLineAndColumn(String character) {
        for (ParticipantField field : List.of(SURNAME, PATRONYMIC, SCHOOL_CODE, CLASS, DOCUMENT_NUMBER, SNILS, SEX)) {
            String value = valid().get(field);
            String spoofed = value.substring(0, 1) + character + value.substring(1);

            List<Problem> problems = problems(Map.of(field, spoofed));

            assertEquals(1, problems.size(), field + ": " + problems);
            assertEquals(LINE, problems.get(0).line());
            assertEquals(field.title(), problems.get(0).column());
            assertTrue(problems.get(0).message().startsWith("Поле «" + field.title() + "» содержит недопустимый"),
                    problems.get(0).message());
            assertFalse(problems.get(0).message().contains(character), "the character is not echoed");
        }
    }

    @Test
    void aTabAtTheEndOfACellIsRefusedTooNotTrimmedAway() {
        assertEquals("Фамилия", problems(Map.of(SURNAME, "Иванов\t")).get(0).column());
    }

    // --- personal data in problems ---

    @Test
    void problemsShowDocumentsAndSnilsMaskedAsListsDo() {
        List<Problem> problems = problems(Map.of(DOCUMENT_SERIES, "45O8", DOCUMENT_NUMBER, "98765",
                SNILS, "112-233-445 96"));

        assertEquals(3, problems.size(), problems.toString());
        String all = problems.toString();
        for (String secret : List.of("45O8", "98765", "8765", "112-233-445", "112233445")) {
            assertFalse(all.contains(secret), secret + " in " + all);
        }
        assertTrue(problems.get(1).message().startsWith("Номер паспорта «•••65»"), problems.get(1).message());
        assertTrue(problems.get(2).message().startsWith("СНИЛС •••-•••-••• 96"), problems.get(2).message());
    }

    @Test
    void otherDocumentTypesAreMaskedToo() {
        String all = problems(Map.of(DOCUMENT_TYPE, "3", DOCUMENT_SERIES, "XX-ЯЯ", DOCUMENT_NUMBER, "12")).toString()
                + problems(Map.of(DOCUMENT_TYPE, "9", DOCUMENT_SERIES, "A!B", DOCUMENT_NUMBER, "12345678901234")).toString();
        for (String secret : List.of("XX-ЯЯ", "A!B", "12345678901234")) {
            assertFalse(all.contains(secret), secret + " in " + all);
        }
    }

    // --- helpers ---

    private static Map<ParticipantField, String> valid() {
        Map<ParticipantField, String> values = new EnumMap<>(ParticipantField.class);
        values.put(SURNAME, "Иванов");
        values.put(NAME, "Иван");
        values.put(PATRONYMIC, "Иванович");
        values.put(BIRTH_DATE, "05.03.2010");
        values.put(SEX, "М");
        values.put(DOCUMENT_TYPE, "1");
        values.put(DOCUMENT_SERIES, "4508");
        values.put(DOCUMENT_NUMBER, "123456");
        values.put(SNILS, "112-233-445 95");
        values.put(SCHOOL_CODE, "500101");
        values.put(CLASS, "9А");
        values.put(SPECIAL_NEEDS, "нет");
        return values;
    }

    private static ParticipantRow row(Map<ParticipantField, String> changes) {
        Map<ParticipantField, String> values = valid();
        values.putAll(changes);
        return new ParticipantRow(LINE, values);
    }

    private ParticipantDraft validate(Map<ParticipantField, String> changes) {
        RowValidator.Validated result = validator.validate(row(changes));
        assertEquals(List.of(), result.problems());
        return result.draft();
    }

    private List<Problem> problems(Map<ParticipantField, String> changes) {
        RowValidator.Validated result = validator.validate(row(changes));
        assertNull(result.draft());
        return result.problems();
    }

    private static Problem problem(String column, String message) {
        return new Problem(LINE, column, message);
    }
}
