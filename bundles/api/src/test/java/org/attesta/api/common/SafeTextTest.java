package org.attesta.api.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void controlsBidiAndInvisibleFormatCharactersAreRefused() {
        int[] refused = {0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9F, 0x061C, 0x200B, 0x200C, 0x200D,
            0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2028, 0x2029, 0x2060, 0x2066, 0x2067, 0x2068,
            0x2069, 0xFEFF, 0x00AD, 0xE000, 0xD800};
        for (int codePoint : refused) {
            assertFalse(SafeText.allowed(codePoint), String.format("U+%04X", codePoint));
        }
    }

    @Test
    void lettersOfNamesCodesAndAddressesPass() {
        String[] fine = {"Ёлкина-Д'Арк", "О’Брайен", "МБОУ «СОШ № 5», г. Пермь, ул. Ленина, д. 1/2", "500101",
            "Иван\u00A0Петрович", "Ivanov"};
        for (String text : fine) {
            assertEquals(-1, SafeText.firstForbidden(text), text);
            assertNull(SafeText.problem("Фамилия", text));
        }
    }

    @Test
    void theProblemNamesTheFieldAndTheCharacterButNotTheValue() {
        String spoofed = "Иванов\u202Eвонамс";
        String problem = SafeText.problem("Фамилия", spoofed);
        assertTrue(problem.startsWith("Поле «Фамилия»"), problem);
        assertTrue(problem.contains("U+202E") && problem.contains("позиция 7"), problem);
        assertFalse(problem.contains("Иванов"), problem);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> SafeText.require("surname", "Фамилия", "a\u001B[2Jb"));
        assertEquals("surname", refused.problems().get(0).column());
    }

    @Test
    void neutralisedTextCarriesNoEscapeOrOverride() {
        assertEquals("a<U+001B>[31mb<U+202E>c", SafeText.neutralise("a\u001B[31mb\u202Ec"));
        assertEquals("Иванов", SafeText.neutralise("Иванов"));
        assertNull(SafeText.neutralise(null));
        assertEquals(-1, SafeText.firstForbidden(SafeText.neutralise("\u0000\u009B\uD800\u2066")));
    }
}
