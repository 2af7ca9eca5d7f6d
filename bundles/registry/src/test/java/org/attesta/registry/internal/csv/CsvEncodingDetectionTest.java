package org.attesta.registry.internal.csv;

import static org.attesta.registry.internal.csv.CsvTestFiles.IVANOV;
import static org.attesta.registry.internal.csv.CsvTestFiles.RUSSIAN_HEADER;
import static org.attesta.registry.internal.csv.CsvTestFiles.lines;
import static org.attesta.registry.internal.csv.CsvTestFiles.open;
import static org.attesta.registry.internal.csv.CsvTestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Problem;
import org.attesta.api.region.ParticipantField;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.region.ParticipantRowReader;
import org.junit.jupiter.api.Test;

class CsvEncodingDetectionTest {
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final String FILE = lines(RUSSIAN_HEADER, IVANOV);

    @Test
    void readsUtf8WithByteOrderMarkAndStripsIt() {
        byte[] body = FILE.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        // Were the mark kept, the first header would be "\uFEFFФамилия", an unknown column.
        List<ParticipantRow> rows = readAll(open(new ByteArrayInputStream(withBom)));

        assertEquals(1, rows.size());
        assertEquals("Иванов", rows.get(0).get(ParticipantField.SURNAME));
    }

    @Test
    void readsUtf8WithoutByteOrderMark() {
        List<ParticipantRow> rows = readAll(open(CsvTestFiles.bytes(FILE, StandardCharsets.UTF_8)));

        assertEquals("Иванович", rows.get(0).get(ParticipantField.PATRONYMIC));
    }

    @Test
    void readsWindows1251() {
        List<ParticipantRow> rows = readAll(open(CsvTestFiles.bytes(FILE, WINDOWS_1251)));

        assertEquals(1, rows.size());
        assertEquals("Иванов", rows.get(0).get(ParticipantField.SURNAME));
        assertEquals("9А", rows.get(0).get(ParticipantField.CLASS));
    }

    @Test
    void rejectsUtf16WithByteOrderMark() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open(CsvTestFiles.bytes(FILE, StandardCharsets.UTF_16)));

        assertUnknownEncoding(e);
    }

    @Test
    void rejectsUtf16WithoutByteOrderMark() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open(CsvTestFiles.bytes(FILE, StandardCharsets.UTF_16LE)));

        assertUnknownEncoding(e);
    }

    @Test
    void rejectsBinaryData() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open(new ByteArrayInputStream(noise)));

        assertUnknownEncoding(e);
    }

    @Test
    void rejectsTextThatIsNeitherUtf8NorRussian() {
        // Latin-1 accented letters: not valid UTF-8, and as Windows-1251 not Russian text.
        String french = lines("Nom;Prénom", "Lefèvre;Hélène", "Béraud;Zoé", "Dupré;Chloé");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open(CsvTestFiles.bytes(french, StandardCharsets.ISO_8859_1)));

        assertUnknownEncoding(e);
    }

    @Test
    void aCharacterCutAtTheEndOfTheSniffedPrefixIsNotAnError() {
        byte[] text = "Фамилия;Имя".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(text, text.length - 1); // "я" is two bytes; keep the first

        assertEquals(StandardCharsets.UTF_8, EncodingDetector.detect(cut, false));
        assertThrows(InvalidInputException.class, () -> EncodingDetector.detect(cut, true));
    }

    @Test
    void readsAUtf8FileWhoseCharacterStraddlesTheSniffedPrefix() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((RUSSIAN_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] row = (IVANOV + "\n").getBytes(StandardCharsets.UTF_8);
        while (file.size() + row.length < EncodingDetector.SNIFF_BYTES - 100) {
            file.writeBytes(row);
        }
        // ASCII padding in a surname-less row puts the first byte of "Ж" at the last byte of the prefix.
        int padding = EncodingDetector.SNIFF_BYTES - 1 - file.size();
        String filler = "x".repeat(padding);
        file.writeBytes((filler + "Ж;Иван\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = file.toByteArray();
        assertEquals((byte) 0xD0, bytes[EncodingDetector.SNIFF_BYTES - 1]);

        List<ParticipantRow> rows = readAll(open(new ByteArrayInputStream(bytes)));

        assertEquals(filler + "Ж", rows.get(rows.size() - 1).get(ParticipantField.SURNAME));
    }

    @Test
    void bytesThatAreNotUtf8AfterTheSniffedPrefixAreReportedWithTheirLineAndColumns() {
        StringBuilder start = new StringBuilder(RUSSIAN_HEADER).append('\n');
        int goodRows = 0;
        while (start.toString().getBytes(StandardCharsets.UTF_8).length < EncodingDetector.SNIFF_BYTES + 100) {
            start.append(IVANOV).append('\n');
            goodRows++;
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(start.toString().getBytes(StandardCharsets.UTF_8));
        file.writeBytes("Ёлкин;Ян;;05.03.2010;M;1;4508;123457;;500101;9;0\n".getBytes(WINDOWS_1251));
        file.writeBytes((IVANOV + "\n").getBytes(StandardCharsets.UTF_8));
        long badLine = goodRows + 2;

        CsvRowReader reader = (CsvRowReader) open(new ByteArrayInputStream(file.toByteArray()));
        for (int i = 0; i < goodRows; i++) {
            reader.next();
            assertEquals(List.of(), reader.problemsOfLastRow());
        }
        ParticipantRow bad = reader.next();
        List<Problem> problems = reader.problemsOfLastRow();
        ParticipantRow after = reader.next();

        assertEquals(badLine, bad.line());
        assertEquals(List.of(new Problem(badLine, "Фамилия", "Строка " + badLine + ": в столбцах «Фамилия», «Имя» "
                + "есть символы не в кодировке файла (UTF-8). Видимо, часть файла сохранена в другой кодировке — "
                + "сохраните весь файл в UTF-8 или Windows-1251")), problems);
        assertEquals(badLine + 1, after.line());
        assertEquals(List.of(), reader.problemsOfLastRow());
    }

    @Test
    void detectsFromBytesDirectly() {
        assertEquals(StandardCharsets.UTF_8, EncodingDetector.detect(new byte[0], true));
        assertEquals(StandardCharsets.UTF_8, EncodingDetector.detect("Surname;Name".getBytes(StandardCharsets.US_ASCII), true));
        assertEquals(WINDOWS_1251, EncodingDetector.detect("Фамилия «Ёжиков» №1".getBytes(WINDOWS_1251), true));
    }

    private static void assertUnknownEncoding(InvalidInputException e) {
        assertEquals("unknown-encoding", e.type());
        assertEquals(false, e.ruleViolation());
        assertEquals(List.of(new Problem(1, "", EncodingDetector.UNKNOWN_ENCODING_MESSAGE)), e.problems());
        assertTrue(e.getMessage().contains("UTF-8") && e.getMessage().contains("Windows-1251"), e.getMessage());
    }
}
