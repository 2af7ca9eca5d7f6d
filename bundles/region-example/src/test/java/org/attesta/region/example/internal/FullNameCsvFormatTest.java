package org.attesta.region.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.region.ParticipantField;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.region.ParticipantRowReader;
import org.junit.jupiter.api.Test;

class FullNameCsvFormatTest {
    private final FullNameCsvFormat format = new FullNameCsvFormat();

    @Test
    void splitsTheFullNameAndTheDocument() throws Exception {
        String file = "ФИО;Дата рождения;Пол;Документ;СНИЛС;Код ОО;Класс;ОВЗ\n"
                + "Иванова Мария Петровна;01.02.2011;Ж;1 6120 123456;112-233-445 95;001001;9А;нет\n"
                + "Ли Анна;03.04.2011;Ж;3 IV-МЮ 654321;;001001;9Б;да\n";
        try (ParticipantRowReader reader = format.open(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))) {
            ParticipantRow first = reader.next();
            assertEquals("Иванова", first.get(ParticipantField.SURNAME));
            assertEquals("Петровна", first.get(ParticipantField.PATRONYMIC));
            assertEquals("6120", first.get(ParticipantField.DOCUMENT_SERIES));
            assertEquals("123456", first.get(ParticipantField.DOCUMENT_NUMBER));
            assertEquals(2, first.line());
            ParticipantRow second = reader.next();
            assertNull(second.get(ParticipantField.PATRONYMIC));
            assertEquals("IV-МЮ", second.get(ParticipantField.DOCUMENT_SERIES));
            assertNull(second.get(ParticipantField.SNILS));
            assertNull(reader.next());
        }
    }

    @Test
    void anotherHeaderIsRefusedWithTheExpectedOne() {
        String file = "Фамилия;Имя\nИванов;Иван\n";
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> format.open(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))));
        assertEquals("unexpected-header", e.type());
    }
}
