package org.attesta.registry.internal.csv;

import static org.attesta.registry.internal.csv.CsvTestFiles.IVANOV;
import static org.attesta.registry.internal.csv.CsvTestFiles.PETROVA;
import static org.attesta.registry.internal.csv.CsvTestFiles.RUSSIAN_HEADER;
import static org.attesta.registry.internal.csv.CsvTestFiles.lines;
import static org.attesta.registry.internal.csv.CsvTestFiles.open;
import static org.attesta.registry.internal.csv.CsvTestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Problem;
import org.attesta.api.region.ParticipantField;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.region.ParticipantRowReader;
import org.attesta.registry.internal.imports.RowProblemSource;
import org.attesta.registry.internal.imports.RowValidator;
import org.junit.jupiter.api.Test;

class CsvRowReaderTest {
    private static final String SHORT_HEADER = "Фамилия;Имя;Дата рождения;Пол;Тип документа;Номер;Код ОО;Класс";
    private static final String IVANOV_SHORT = "Иванов;Иван;05.03.2010;М;1;123456;500101;9А";

    @Test
    void readsRowsWithTheirLines() {
        List<ParticipantRow> rows = readAll(open(lines(RUSSIAN_HEADER, IVANOV, PETROVA)));

        assertEquals(List.of(2L, 3L), rows.stream().map(ParticipantRow::line).toList());
        ParticipantRow petrova = rows.get(1);
        assertEquals("Петрова", petrova.get(ParticipantField.SURNAME));
        assertNull(petrova.get(ParticipantField.PATRONYMIC));
        assertEquals("", petrova.values().get(ParticipantField.PATRONYMIC), "a blank cell is present, not absent");
        assertEquals(12, petrova.values().size());
    }

    @Test
    void lastRowWithoutLineBreakIsRead() {
        List<ParticipantRow> rows = readAll(open(RUSSIAN_HEADER + "\n" + IVANOV));

        assertEquals(1, rows.size());
        assertEquals("нет", rows.get(0).get(ParticipantField.SPECIAL_NEEDS));
    }

    @Test
    void nextKeepsReturningNullAtTheEnd() {
        ParticipantRowReader reader = open(lines(RUSSIAN_HEADER, IVANOV));

        reader.next();

        assertNull(reader.next());
        assertNull(reader.next());
    }

    @Test
    void quotedFieldsKeepSeparatorsQuotesAndLineBreaksAndLaterLinesStayRight() {
        String file = lines(SHORT_HEADER,
                "\"Иванов;Петров\";\"Иван \"\"Ваня\"\"\";05.03.2010;М;1;123456;\"500\n101\";9А",
                "\"Сидоров\";\"Пётр\n\nПавел\";05.03.2010;М;1;123457;500101;9Б",
                "Кузнецов;Олег;05.03.2010;М;1;123458;500101;9В");

        List<ParticipantRow> rows = readAll(open(file));

        assertEquals(List.of(2L, 4L, 7L), rows.stream().map(ParticipantRow::line).toList());
        assertEquals("Иванов;Петров", rows.get(0).get(ParticipantField.SURNAME));
        assertEquals("Иван \"Ваня\"", rows.get(0).get(ParticipantField.NAME));
        assertEquals("500\n101", rows.get(0).get(ParticipantField.SCHOOL_CODE));
        assertEquals("Пётр\n\nПавел", rows.get(1).get(ParticipantField.NAME));
        assertEquals("Кузнецов", rows.get(2).get(ParticipantField.SURNAME));
    }

    @Test
    void windowsLineBreaksCountOnce() {
        String file = String.join("\r\n", SHORT_HEADER, "\"Иванов\r\nПетров\";Иван;05.03.2010;М;1;123456;500101;9А",
                "", "Кузнецов;Олег;05.03.2010;М;1;123458;500101;9В") + "\r\n";

        List<ParticipantRow> rows = readAll(open(file));

        assertEquals(List.of(2L, 5L), rows.stream().map(ParticipantRow::line).toList());
        assertEquals("Иванов\r\nПетров", rows.get(0).get(ParticipantField.SURNAME));
    }

    @Test
    void blankLinesAndLinesOfSeparatorsAreSkipped() {
        String file = lines(RUSSIAN_HEADER, "", IVANOV, "   ", ";;;;;;;;;;;", " ; ;", "", PETROVA, "", "");

        List<ParticipantRow> rows = readAll(open(file));

        assertEquals(List.of(3L, 8L), rows.stream().map(ParticipantRow::line).toList());
    }

    @Test
    void unclosedQuoteFailsNamingTheLineItStartsOn() {
        String file = lines(SHORT_HEADER, "Иванов;Иван;05.03.2010;М;1;123456;500101;9А",
                "\"Петров;Пётр;05.03.2010;М;1;123457;500101;9Б", "Кузнецов;Олег;05.03.2010;М;1;123458;500101;9В");
        ParticipantRowReader reader = open(file);
        reader.next();

        InvalidInputException e = assertThrows(InvalidInputException.class, reader::next);

        assertEquals("malformed-csv", e.type());
        assertFalse(e.ruleViolation());
        String message = "Строка 3: не закрыта кавычка — поле, начатое с \", продолжается до конца файла. "
                + "Закройте кавычку или удалите её";
        assertEquals(message, e.getMessage());
        assertEquals(List.of(new Problem(3, "", message)), e.problems());
    }

    @Test
    void textAfterAClosingQuoteFailsNamingTheLine() {
        String file = lines(SHORT_HEADER, "\"Иванов\"ич;Иван;05.03.2010;М;1;123456;500101;9А");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> readAll(open(file)));

        assertEquals("malformed-csv", e.type());
        assertEquals(2, e.problems().get(0).line());
        assertTrue(e.getMessage().startsWith("Строка 2: после закрывающей кавычки поля идут другие символы."),
                e.getMessage());
    }

    @Test
    void quoteInsideAnUnquotedValueIsText() {
        String file = lines(SHORT_HEADER, "Иванов;Иван;05.03.2010;М;1;123456;ООО \"Ромашка\";9А");

        assertEquals("ООО \"Ромашка\"", readAll(open(file)).get(0).get(ParticipantField.SCHOOL_CODE));
    }

    @Test
    void unclosedQuoteInALargeFileFailsWithoutReadingTheRestIntoMemory() {
        InputStream file = new GeneratedCsv(SHORT_HEADER + "\n\"Иванов;Иван;05.03.2010;М;1;123456;500101;9А\n",
                "Кузнецов;Олег;05.03.2010;М;1;123458;500101;9В\n", 200_000);
        ParticipantRowReader reader = open(file);

        InvalidInputException e = assertThrows(InvalidInputException.class, reader::next);

        assertEquals("malformed-csv", e.type());
        assertEquals(2, e.problems().get(0).line());
        assertTrue(e.getMessage().startsWith("Запись, начинающаяся в строке 2, слишком длинная"), e.getMessage());
    }

    @Test
    void shortRowIsReturnedWithAProblem() {
        String file = lines(SHORT_HEADER, "Иванов;Иван;05.03.2010;М;1;123456", IVANOV_SHORT);
        CsvRowReader reader = (CsvRowReader) open(file);

        ParticipantRow row = reader.next();
        List<Problem> problems = RowProblemSource.of(reader);

        assertEquals(2, row.line());
        assertEquals(6, row.values().size());
        assertEquals("123456", row.get(ParticipantField.DOCUMENT_NUMBER));
        assertEquals(List.of(new Problem(2, "Код ОО", "В строке 6 полей, а в заголовке 8: нет значений для «Код ОО», "
                + "«Класс». Проверьте разделители и кавычки в этой строке")), problems);

        reader.next();
        assertEquals(List.of(), RowProblemSource.of(reader), "problems belong to one row only");
    }

    @Test
    void shortRowGetsTheShapeProblemAndTheValidatorsProblems() {
        // A birth certificate: the file has no series column, which a passport would need.
        CsvRowReader reader = (CsvRowReader) open(lines(SHORT_HEADER, "Иванов;Иван;05.03.2010;М;3;123456"));
        RowValidator validator = new RowValidator(Clock.fixed(Instant.parse("2025-09-01T07:00:00Z"), ZoneOffset.UTC));

        ParticipantRow row = reader.next();
        RowValidator.Validated result = validator.validate(row, RowProblemSource.of(reader));

        assertNull(result.draft());
        assertEquals(List.of("Код ОО", "Код ОО", "Класс"), result.problems().stream().map(Problem::column).toList());
        assertEquals("Не заполнено обязательное поле «Класс»", result.problems().get(2).message());
    }

    @Test
    void longRowWithValuesBeyondTheHeaderIsReturnedWithAProblem() {
        // An unquoted separator inside a value shifts the rest of the row.
        String file = lines(SHORT_HEADER, "Иванов;Иван;05.03.2010;М;1;123456;500101;9;А");
        CsvRowReader reader = (CsvRowReader) open(file);

        ParticipantRow row = reader.next();

        assertEquals("9", row.get(ParticipantField.CLASS));
        assertEquals(List.of(new Problem(2, "столбец 9", "Лишнее значение «А»: в строке 9 полей, а в заголовке 8. "
                + "Возможно, в поле есть разделитель без кавычек — заключите такое поле в кавычки")),
                reader.problemsOfLastRow());
    }

    @Test
    void longStrayValuesAreAbbreviated() {
        String stray = "Я".repeat(50);
        CsvRowReader reader = (CsvRowReader) open(lines(SHORT_HEADER, IVANOV_SHORT + ";" + stray));

        reader.next();

        assertTrue(reader.problemsOfLastRow().get(0).message().startsWith("Лишнее значение «" + "Я".repeat(40) + "…»: "),
                reader.problemsOfLastRow().get(0).message());
    }

    @Test
    void trailingBlankValuesBeyondTheHeaderAreFine() {
        CsvRowReader reader = (CsvRowReader) open(lines(SHORT_HEADER, IVANOV_SHORT + ";;  ;"));

        assertEquals(8, reader.next().values().size());
        assertEquals(List.of(), reader.problemsOfLastRow());
    }

    @Test
    void valueUnderAColumnWithoutHeaderIsAProblem() {
        CsvRowReader reader = (CsvRowReader) open(lines("Фамилия;;Имя;Дата рождения;Пол;Тип документа;Номер;Код ОО;Класс",
                "Иванов;лишнее;Иван;05.03.2010;М;1;123456;500101;9А"));

        ParticipantRow row = reader.next();

        assertEquals("Иван", row.get(ParticipantField.NAME));
        assertEquals(List.of(new Problem(2, "столбец 2", "Значение «лишнее» в столбце 2 без заголовка. "
                + "Возможно, в поле есть разделитель без кавычек — заключите такое поле в кавычки")),
                reader.problemsOfLastRow());
    }

    @Test
    void rowShortOnlyOfColumnsWithoutHeaderIsFine() {
        CsvRowReader reader = (CsvRowReader) open(lines(SHORT_HEADER + ";;", IVANOV_SHORT));

        reader.next();

        assertEquals(List.of(), reader.problemsOfLastRow());
    }

    @Test
    void readersOfOtherFormatsHaveNoRowProblems() {
        ParticipantRowReader other = new ParticipantRowReader() {
            @Override
            public ParticipantRow next() {
                return null;
            }

            @Override
            public long bytesRead() {
                return 0;
            }

            @Override
            public java.util.Set<ParticipantField> fields() {
                return java.util.Set.of();
            }

            @Override
            public void close() {
            }
        };

        assertEquals(List.of(), RowProblemSource.of(other));
    }

    @Test
    void fieldsWordAgreesWithTheNumber() {
        assertEquals("поле", CsvRowReader.fieldsWord(1));
        assertEquals("поля", CsvRowReader.fieldsWord(3));
        assertEquals("полей", CsvRowReader.fieldsWord(5));
        assertEquals("полей", CsvRowReader.fieldsWord(12));
        assertEquals("поле", CsvRowReader.fieldsWord(21));
        assertEquals("поля", CsvRowReader.fieldsWord(22));
    }

    @Test
    void bytesReadReachesTheFileSize() {
        byte[] file = lines(RUSSIAN_HEADER, IVANOV, PETROVA).getBytes(StandardCharsets.UTF_8);
        ParticipantRowReader reader = open(new java.io.ByteArrayInputStream(file));

        readAll(reader);

        assertEquals(file.length, reader.bytesRead());
    }

    @Test
    void streamsAMillionRows() throws IOException {
        int rows = 1_000_000;
        GeneratedCsv file = new GeneratedCsv(RUSSIAN_HEADER + "\n", IVANOV + "\n", rows);
        long count = 0;
        long lastLine = 0;
        long progress = 0;
        try (ParticipantRowReader reader = open(file)) {
            for (ParticipantRow row = reader.next(); row != null; row = reader.next()) {
                count++;
                lastLine = row.line();
                assertTrue(reader.bytesRead() >= progress);
                progress = reader.bytesRead();
            }
        }

        assertEquals(rows, count);
        assertEquals(rows + 1, lastLine);
        assertEquals(file.size(), progress);
    }

    /** A CSV file made on the fly: a head, then one row repeated, never all in memory. */
    private static final class GeneratedCsv extends InputStream {
        private final byte[] head;
        private final byte[] row;
        private final long size;
        private long position;

        GeneratedCsv(String head, String row, int rows) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.row = row.getBytes(StandardCharsets.UTF_8);
            this.size = this.head.length + (long) rows * this.row.length;
        }

        long size() {
            return size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            long p = position++;
            return (p < head.length ? head[(int) p] : row[(int) ((p - head.length) % row.length)]) & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
