package org.attesta.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.karaf.shell.support.table.ShellTable;
import org.junit.jupiter.api.Test;

/** Stored text cannot drive the administrator's terminal. */
class AttestaActionTest {
    private static final String ESCAPES = "Школа\u001B]0;взлом\u0007\u001B[2J\u009B31m\u202Eавонави\u2066";

    @Test
    void aPrintedValueCarriesNoControlOrBidiCharacter() {
        String safe = AttestaAction.safe(ESCAPES);
        assertTrue(safe.startsWith("Школа<U+001B>]0;взлом<U+0007>"), safe);
        assertTrue(safe.chars().allMatch(c -> c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0)
                && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069)), safe);
        assertEquals("Иванов Иван", AttestaAction.safe("Иванов Иван"));
        assertEquals("42", AttestaAction.safe(42));
    }

    @Test
    void tableCellsAreNeutralisedToo() {
        ShellTable table = new ShellTable();
        table.column("Код");
        table.column("Наименование");
        AttestaAction.row(table, "500101", ESCAPES);
        AttestaAction.row(table, "500102", null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("\u001B") || printed.contains("\u202E") || printed.contains("\u009B"), printed);
        assertTrue(printed.contains("<U+202E>"), printed);
    }
}
