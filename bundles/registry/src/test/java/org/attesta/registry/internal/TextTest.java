package org.attesta.registry.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    // --- clean ---

    @Test
    void cleanTrimsAndCollapsesInnerWhitespace() {
        assertEquals("Средняя школа № 5", Text.clean("  Средняя \t школа\n\n№  5  "));
    }

    @Test
    void cleanKeepsTextThatIsAlreadyClean() {
        assertEquals("Иванов", Text.clean("Иванов"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n", "\u2003"})
    void cleanMakesNullOfNothing(String value) {
        assertNull(Text.clean(value));
    }

    // --- required ---

    @Test
    void requiredReturnsTheCleanedValue() {
        assertEquals("МБОУ СОШ 1", Text.required("name", "Название", " МБОУ  СОШ 1 ", 10));
    }

    @Test
    void requiredValueOfExactlyTheMaximumLengthIsAccepted() {
        assertEquals("12345", Text.required("code", "Код", "12345", 5));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void missingRequiredValueNamesTheField(String value) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Text.required("code", "Код", value, 20));

        assertEquals("Поле «Код» обязательно", e.getMessage());
        assertEquals(List.of(new Problem(0, "code", "Поле «Код» обязательно")), e.problems());
        assertFalse(e.ruleViolation());
    }

    @Test
    void tooLongRequiredValueSaysTheLimitAndTheLength() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Text.required("code", "Код", "123456", 5));

        assertEquals("Поле «Код» длиннее 5 символов (6)", e.getMessage());
        assertEquals("code", e.problems().get(0).column());
    }

    @Test
    void lengthIsCountedAfterCleaning() {
        assertEquals("a b", Text.required("code", "Код", "  a     b  ", 3));
    }

    // --- optional ---

    @Test
    void optionalMayBeMissing() {
        assertNull(Text.optional("address", "Адрес", null, 10));
        assertNull(Text.optional("address", "Адрес", "  ", 10));
    }

    @Test
    void optionalReturnsTheCleanedValue() {
        assertEquals("ул. Ленина, 1", Text.optional("address", "Адрес", " ул.  Ленина,  1", 100));
    }

    @Test
    void tooLongOptionalValueIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Text.optional("shortName", "Краткое название", "СОШ №12345", 5));

        assertEquals("Поле «Краткое название» длиннее 5 символов (10)", e.getMessage());
        assertEquals(List.of(new Problem(0, "shortName", "Поле «Краткое название» длиннее 5 символов (10)")),
                e.problems());
    }

    // --- search keys ---

    @Test
    void searchKeyIsUpperCaseWithЁAsЕ() {
        assertEquals("СЕМЕНОВ ПЕТР", Text.searchKey("Семёнов  Пётр"));
        assertEquals("ЕЛКИН", Text.searchKey("ЁЛКИН"));
    }

    @Test
    void searchKeyOfLatinLettersIsUpperCase() {
        assertEquals("O'BRIEN JOHN", Text.searchKey(" o'brien john "));
    }

    @Test
    void searchKeyOfNothingIsEmpty() {
        assertEquals("", Text.searchKey(null));
        assertEquals("", Text.searchKey("   "));
    }

    @Test
    void searchKeyOfATypedQueryMatchesTheStoredKey() {
        assertEquals(Text.participantSearchKey("Семёнова", "Алёна", "Фёдоровна"), Text.searchKey("семенова алена федоровна"));
    }

    @Test
    void participantSearchKeyIsSurnameNameAndPatronymic() {
        assertEquals("ИВАНОВ ИВАН ПЕТРОВИЧ", Text.participantSearchKey("Иванов", "Иван", "Петрович"));
    }

    @Test
    void participantSearchKeyWithoutPatronymicHasNoTrailingSpace() {
        assertEquals("ОГЛЫ АЙДАР", Text.participantSearchKey("Оглы", "Айдар", null));
    }

    @Test
    void participantSearchKeyCollapsesSpacesInsideParts() {
        assertEquals("ДЕ ЛА КРУС МАРИЯ", Text.participantSearchKey("де  ла Крус", " Мария ", null));
    }

    // --- LIKE ---

    @Test
    void likePrefixAppendsTheWildcard() {
        assertEquals("ИВАН%", Text.likePrefix("ИВАН"));
    }

    @Test
    void likePrefixEscapesPercentAndUnderscore() {
        assertEquals("50\\%%", Text.likePrefix("50%"));
        assertEquals("A\\_B%", Text.likePrefix("A_B"));
    }

    @Test
    void likePrefixEscapesTheEscapeCharacterFirst() {
        assertEquals("A\\\\\\%%", Text.likePrefix("A\\%"));
        assertEquals("\\\\\\\\%", Text.likePrefix("\\\\"));
    }

    @Test
    void likePrefixOfNothingMatchesEverything() {
        assertEquals("%", Text.likePrefix(""));
    }

    @Test
    void requiredAndOptionalFieldsRefuseControlAndBidiCharactersNamingTheField() {
        for (String spoofed : List.of("МБОУ\u202EШОС", "Школа\u001B]0;x\u0007", "Адрес\nвторая строка", "Код\tОО",
                "Гимназия\u2066№1\u2069", "\u200BСОШ")) {
            InvalidInputException required = assertThrows(InvalidInputException.class,
                    () -> Text.required("name", "Наименование", spoofed, 500));
            assertEquals("name", required.problems().get(0).column());
            assertTrue(required.getMessage().startsWith("Поле «Наименование»"), required.getMessage());
            InvalidInputException optional = assertThrows(InvalidInputException.class,
                    () -> Text.optional("address", "Адрес", spoofed, 500));
            assertEquals("address", optional.problems().get(0).column());
        }
        assertEquals("МБОУ СОШ № 1", Text.required("name", "Наименование", " МБОУ\u00a0 СОШ № 1 ", 500));
    }
}
