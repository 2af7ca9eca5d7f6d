package org.attesta.registry.internal.csv;

import static org.attesta.registry.internal.csv.CsvTestFiles.IVANOV;
import static org.attesta.registry.internal.csv.CsvTestFiles.RUSSIAN_HEADER;
import static org.attesta.registry.internal.csv.CsvTestFiles.lines;
import static org.attesta.registry.internal.csv.CsvTestFiles.open;
import static org.attesta.registry.internal.csv.CsvTestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Problem;
import org.attesta.api.region.ParticipantField;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.region.ParticipantRowReader;
import org.junit.jupiter.api.Test;

class CsvHeaderTest {
    private static final String REQUIRED_ONLY = "Фамилия;Имя;Дата рождения;Пол;Тип документа;Номер;Код ОО;Класс";

    @Test
    void nameIsCsv() {
        assertEquals("csv", new CsvParticipantFormat().name());
    }

    @Test
    void detectsSemicolon() {
        List<ParticipantRow> rows = readAll(open(lines(RUSSIAN_HEADER, IVANOV)));

        assertEquals("Иванов", rows.get(0).get(ParticipantField.SURNAME));
        assertEquals("112-233-445 95", rows.get(0).get(ParticipantField.SNILS));
    }

    @Test
    void detectsComma() {
        String file = lines(RUSSIAN_HEADER.replace(';', ','), IVANOV.replace(';', ','));

        List<ParticipantRow> rows = readAll(open(file));

        assertEquals("Иванов", rows.get(0).get(ParticipantField.SURNAME));
        assertEquals("нет", rows.get(0).get(ParticipantField.SPECIAL_NEEDS));
    }

    @Test
    void separatorsInsideQuotedHeadersDoNotCount() {
        // Counting raw characters would pick the comma: the quoted cell has three of them.
        assertEquals(';', CsvParticipantFormat.chooseSeparator("\"a,b,c,d\";Фамилия;Имя"));
        assertEquals(',', CsvParticipantFormat.chooseSeparator("\"a;b;c;d\",Фамилия,Имя"));
        assertEquals(';', CsvParticipantFormat.chooseSeparator("Фамилия;Имя;\"Пол, м/ж\""));
        assertEquals(',', CsvParticipantFormat.chooseSeparator("Фамилия,Имя,\"Класс; буква\""));
    }

    @Test
    void commaFileWithQuotedHeadersAndSemicolonsInValues() {
        String header = "\"Фамилия\",\"Имя\",\"Дата рождения\",\"Пол\",\"Тип документа\",\"Номер\",\"Код ОО\",\"Класс\"";
        String row = "\"Иванов;Петров\",Иван,05.03.2010,М,1,123456,500101,9А";

        List<ParticipantRow> rows = readAll(open(lines(header, row)));

        assertEquals("Иванов;Петров", rows.get(0).get(ParticipantField.SURNAME));
        assertEquals("9А", rows.get(0).get(ParticipantField.CLASS));
    }

    @Test
    void tieGoesToSemicolon() {
        assertEquals(';', CsvParticipantFormat.chooseSeparator("Фамилия"));
        assertEquals(';', CsvParticipantFormat.chooseSeparator(""));
    }

    @Test
    void russianHeadersInAnyOrder() {
        String file = lines("Класс;Код ОО;Номер;Тип документа;Пол;Дата рождения;Имя;Фамилия",
                "9А;500101;123456;1;М;05.03.2010;Иван;Иванов");

        ParticipantRowReader reader = open(file);
        ParticipantRow row = readAll(reader).get(0);

        assertEquals(Map.of(ParticipantField.CLASS, "9А", ParticipantField.SCHOOL_CODE, "500101",
                ParticipantField.DOCUMENT_NUMBER, "123456", ParticipantField.DOCUMENT_TYPE, "1",
                ParticipantField.SEX, "М", ParticipantField.BIRTH_DATE, "05.03.2010",
                ParticipantField.NAME, "Иван", ParticipantField.SURNAME, "Иванов"), row.values());
        assertEquals(EnumSet.of(ParticipantField.CLASS, ParticipantField.SCHOOL_CODE, ParticipantField.DOCUMENT_NUMBER,
                ParticipantField.DOCUMENT_TYPE, ParticipantField.SEX, ParticipantField.BIRTH_DATE,
                ParticipantField.NAME, ParticipantField.SURNAME), reader.fields());
    }

    @Test
    void englishHeadersInAnyOrderWithSpacesCaseAndUnderscores() {
        String file = lines("Special Needs,CLASS,school_code,SNILS,document number,Document_Series,document type,"
                        + "sex,Birth Date, patronymic ,name,Surname",
                "да,9Б,500102,,654321,IV-МЮ,3,Ж,2010-11-30,,Анна,Петрова");

        ParticipantRowReader reader = open(file);
        ParticipantRow row = readAll(reader).get(0);

        assertEquals(EnumSet.allOf(ParticipantField.class), reader.fields());
        assertEquals("Петрова", row.get(ParticipantField.SURNAME));
        assertEquals("2010-11-30", row.get(ParticipantField.BIRTH_DATE));
        assertEquals("IV-МЮ", row.get(ParticipantField.DOCUMENT_SERIES));
        assertEquals("да", row.get(ParticipantField.SPECIAL_NEEDS));
        assertEquals(null, row.get(ParticipantField.SNILS));
    }

    @Test
    void russianHeadersIgnoreCaseSpacesAndYo() {
        String file = lines("  ФАМИЛИЯ ;имя;дата  рождения;ПОЛ;Тип докумёнта;НОМЕР;код оо;класс;Сёрия",
                "Иванов;Иван;05.03.2010;М;1;123456;500101;9А;4508");

        ParticipantRow row = readAll(open(file)).get(0);

        assertEquals("Иванов", row.get(ParticipantField.SURNAME));
        assertEquals("1", row.get(ParticipantField.DOCUMENT_TYPE));
        assertEquals("4508", row.get(ParticipantField.DOCUMENT_SERIES));
        assertEquals("05.03.2010", row.get(ParticipantField.BIRTH_DATE));
    }

    @Test
    void unknownColumnIsNamedWithTheAcceptedHeaders() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open(lines(REQUIRED_ONLY + ";Телефон", "x")));

        assertEquals("unknown-column", e.type());
        assertFalse(e.ruleViolation());
        assertEquals(1, e.problems().size());
        Problem problem = e.problems().get(0);
        assertEquals(1, problem.line());
        assertEquals("Телефон", problem.column());
        assertEquals("Неизвестный столбец «Телефон». Допустимые заголовки: Фамилия (surname), Имя (name), "
                + "Отчество (patronymic), Дата рождения (birth_date), Пол (sex), Тип документа (document_type), "
                + "Серия (document_series), Номер (document_number), СНИЛС (snils), Код ОО (school_code), "
                + "Класс (class), ОВЗ (special_needs)", problem.message());
        assertEquals(problem.message(), e.getMessage());
    }

    @Test
    void severalUnknownColumnsAreReportedTogether() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open(lines(REQUIRED_ONLY + ";Телефон;E-mail", "x")));

        assertEquals(List.of("Телефон", "E-mail"), e.problems().stream().map(Problem::column).toList());
        assertTrue(e.getMessage().startsWith("Неизвестные столбцы «Телефон», «E-mail». Допустимые заголовки: "),
                e.getMessage());
    }

    @Test
    void missingRequiredColumnsAreAllNamed() {
        String header = "Фамилия;Имя;Дата рождения;Тип документа;Номер;Код ОО";

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(lines(header, "x")));

        assertEquals("missing-column", e.type());
        String message = "В файле нет обязательных столбцов «Пол», «Класс». Добавьте их в первую строку";
        assertEquals(List.of(new Problem(1, "Пол", message), new Problem(1, "Класс", message)), e.problems());
        assertEquals(message, e.getMessage());
    }

    @Test
    void oneMissingColumnIsNamedInTheSingular() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open(lines(REQUIRED_ONLY.replace(";Класс", ""), "x")));

        assertEquals("В файле нет обязательного столбца «Класс». Добавьте его в первую строку", e.getMessage());
    }

    @Test
    void misspeltColumnIsReportedAsUnknownAndMissing() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open(lines(REQUIRED_ONLY.replace("Фамилия", "Фамиля"), "x")));

        assertEquals("unknown-column", e.type());
        assertEquals(List.of("Фамиля", "Фамилия"), e.problems().stream().map(Problem::column).toList());
    }

    @Test
    void duplicateColumnIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open(lines(REQUIRED_ONLY + ";name", "x")));

        assertEquals("duplicate-column", e.type());
        assertFalse(e.ruleViolation());
        assertEquals(List.of(new Problem(1, "name",
                "Столбец «Имя» указан в заголовке дважды: «Имя» и «name». Оставьте один")), e.problems());
    }

    @Test
    void sameHeaderTwiceIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open(lines(REQUIRED_ONLY + ";Класс", "x")));

        assertEquals("Столбец «Класс» указан в заголовке дважды: «Класс». Оставьте один", e.getMessage());
    }

    @Test
    void emptyFileIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(""));

        assertEquals("empty-file", e.type());
        assertEquals(1, e.problems().get(0).line());
        assertTrue(e.getMessage().startsWith("Файл пуст: в первой строке должны быть заголовки столбцов (Фамилия (surname), "),
                e.getMessage());
    }

    @Test
    void blankFirstLineIsAnEmptyHeader() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(lines(" ; ", REQUIRED_ONLY)));

        assertEquals("empty-file", e.type());
    }

    @Test
    void columnsWithAnEmptyHeaderAreIgnored() {
        // Excel writes a trailing separator after the last column.
        String file = lines(REQUIRED_ONLY + ";", "Иванов;Иван;05.03.2010;М;1;123456;500101;9А;");

        ParticipantRowReader reader = open(file);
        ParticipantRow row = reader.next();

        assertEquals(8, row.values().size());
        assertEquals(List.of(), ((CsvRowReader) reader).problemsOfLastRow());
    }

    @Test
    void streamIsClosedWhenTheHeaderIsRejected() {
        CsvTestFiles.TrackedStream stream = new CsvTestFiles.TrackedStream(
                lines("Телефон", "x").getBytes(StandardCharsets.UTF_8));

        assertThrows(InvalidInputException.class, () -> open(stream));

        assertTrue(stream.closed);
    }

    @Test
    void streamIsClosedWithTheReader() throws IOException {
        CsvTestFiles.TrackedStream stream = new CsvTestFiles.TrackedStream(
                lines(RUSSIAN_HEADER, IVANOV).getBytes(StandardCharsets.UTF_8));

        ParticipantRowReader reader = open(stream);
        assertFalse(stream.closed);
        reader.close();

        assertTrue(stream.closed);
    }

    @Test
    void headerWithAnUnclosedQuoteFailsNamingLineOne() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open("Фамилия;\"Имя;Дата рождения\n"));

        assertEquals("malformed-csv", e.type());
        assertEquals(1, e.problems().get(0).line());
    }
}
