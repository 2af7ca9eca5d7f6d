package org.attesta.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.PageRequest;
import org.attesta.api.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamsTest {

    // --- page and size ---

    @Test
    void absentPageAndSizeMeanTheFirstPageOfDefaultSize() {
        assertEquals(new PageRequest(0, 50), Params.page(null, null));
        assertEquals(PageRequest.DEFAULT_SIZE, Params.page(null, null).size());
    }

    @Test
    void blankPageAndSizeMeanTheDefaults() {
        assertEquals(new PageRequest(0, 50), Params.page("", "   "));
    }

    @Test
    void pageAndSizeAreReadWithSurroundingSpaces() {
        assertEquals(new PageRequest(3, 20), Params.page(" 3 ", "20\t"));
    }

    @Test
    void sizeAtTheBoundsIsAccepted() {
        assertEquals(1, Params.page("0", "1").size());
        assertEquals(500, Params.page("0", "500").size());
    }

    @Test
    void pageThatIsNotANumberIsA400NamingTheParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Params.page("two", null));

        assertEquals("Параметр «page» должен быть целым числом: «two»", e.getMessage());
        assertEquals("invalid-input", e.type());
        assertFalse(e.ruleViolation());
        assertEquals(List.of(new Problem(0, "page", "Параметр «page» должен быть целым числом: «two»")), e.problems());
    }

    @Test
    void sizeThatIsNotAnIntegerIsA400NamingTheParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Params.page("1", "2.5"));

        assertEquals("Параметр «size» должен быть целым числом: «2.5»", e.getMessage());
        assertEquals("size", e.problems().get(0).column());
    }

    @Test
    void numberBeyondIntIsNotAnInteger() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Params.page("99999999999", null));

        assertEquals("Параметр «page» должен быть целым числом: «99999999999»", e.getMessage());
    }

    @Test
    void negativePageIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Params.page("-1", null));

        assertEquals("Номер страницы не может быть отрицательным: -1", e.getMessage());
        assertEquals(List.of(new Problem(0, "page", "Номер страницы не может быть отрицательным: -1")), e.problems());
    }

    @Test
    void sizeZeroIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Params.page("0", "0"));

        assertEquals("Размер страницы должен быть от 1 до 500: 0", e.getMessage());
        assertEquals("size", e.problems().get(0).column());
    }

    @Test
    void sizeOverTheMaximumIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Params.page("0", "501"));

        assertEquals("Размер страницы должен быть от 1 до 500: 501", e.getMessage());
        assertEquals("size", e.problems().get(0).column());
    }

    @Test
    void integerFallsBackOnlyWhenAbsent() {
        assertEquals(7, Params.integer("n", null, 7));
        assertEquals(7, Params.integer("n", " ", 7));
        assertEquals(-4, Params.integer("n", "-4", 7));
    }

    // --- ids ---

    @Test
    void idIsReadAsALong() {
        assertEquals(12L, Params.id("id", "12"));
        assertEquals(9_000_000_000L, Params.id("id", " 9000000000 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "1.5", "12a"})
    void idThatIsNotANumberIsA400NamingTheParameter(String value) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Params.id("participantId", value));

        assertEquals("«participantId» должен быть числом: «" + value + "»", e.getMessage());
        assertEquals("participantId", e.problems().get(0).column());
        assertFalse(e.ruleViolation());
    }

    // --- flags ---

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "1", "yes", " Yes "})
    void trueFlags(String value) {
        assertTrue(Params.flag("keepManual", value, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "0", "no", " NO"})
    void falseFlags(String value) {
        assertFalse(Params.flag("keepManual", value, true));
    }

    @Test
    void absentOrBlankFlagIsTheFallback() {
        assertTrue(Params.flag("keepManual", null, true));
        assertFalse(Params.flag("keepManual", null, false));
        assertTrue(Params.flag("keepManual", "  ", true));
    }

    @Test
    void unknownFlagValueIsA400NamingTheParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Params.flag("storeValidRows", "maybe", false));

        assertEquals("Параметр «storeValidRows» должен быть true или false: «maybe»", e.getMessage());
        assertEquals("storeValidRows", e.problems().get(0).column());
    }

    // --- filters and bodies ---

    @Test
    void filterIsStrippedAndBlankMeansNone() {
        assertEquals("5001", Params.filter("  5001 "));
        assertNull(Params.filter(null));
        assertNull(Params.filter(" \t "));
    }

    @Test
    void presentBodyIsReturnedAsIs() {
        Object body = new Object();
        assertSame(body, Params.body(body));
    }

    @Test
    void missingBodyIsA400() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Params.body(null));

        assertEquals("Нужно тело запроса в формате JSON", e.getMessage());
        assertEquals("body", e.problems().get(0).column());
    }
}
