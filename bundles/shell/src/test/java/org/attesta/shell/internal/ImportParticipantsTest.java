package org.attesta.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.attesta.api.common.Problem;
import org.junit.jupiter.api.Test;

class ImportParticipantsTest {

    @Test
    void problemWithAColumnNamesIt() {
        assertEquals("  строка 12, «СНИЛС»: неверная контрольная сумма (ожидалось 95)",
                ImportParticipants.line(new Problem(12, "СНИЛС", "неверная контрольная сумма (ожидалось 95)")));
    }

    @Test
    void problemWithAnEmptyColumnHasOnlyTheLine() {
        assertEquals("  строка 1: Первая строка файла — не заголовок",
                ImportParticipants.line(new Problem(1, "", "Первая строка файла — не заголовок")));
    }

    @Test
    void problemWithoutAColumnHasOnlyTheLine() {
        assertEquals("  строка 7: Кавычка не закрыта",
                ImportParticipants.line(new Problem(7, null, "Кавычка не закрыта")));
    }
}
