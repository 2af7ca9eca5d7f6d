package org.attesta.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnilsTest {

    @Test
    void knownValidNumberParsesWithOrWithoutSeparators() {
        assertEquals("11223344595", Snils.parse("112-233-445 95").digits());
        assertEquals("112-233-445 95", Snils.parse("11223344595").formatted());
    }

    @Test
    void checksumUnderOneHundredIsTheSumItself() {
        // 1*9 + 2*8 + 3*7 = 46 for 123000000 -> checksum 46
        assertEquals(46, Snils.checksum("123000000"));
    }

    @Test
    void checksumOfOneHundredAndOneHundredOneIsZero() {
        // 9*9 + 9*2 + 1 = 100 ("900000091")
        assertEquals(100, 9 * 9 + 9 * 2 + 1);
        assertEquals(0, Snils.checksum("900000091"));
        // 101: 9*9 + 2*9 + 2 = 101 ("900000092")
        assertEquals(0, Snils.checksum("900000092"));
    }

    @Test
    void checksumOverOneHundredOneIsTheRemainder() {
        // 999999999: 9*(9+8+...+1) = 405; 405 % 101 = 1
        assertEquals(1, Snils.checksum("999999999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"112-233-445 96", "1122334459", "1122334459a", "", "112 233 445 9 5 1"})
    void invalidNumbersAreRejectedWithAReason(String text) {
        assertNotNull(Snils.problemWith(text));
        assertThrows(IllegalArgumentException.class, () -> Snils.parse(text));
    }

    @Test
    void oldNumbersWithoutChecksumAreAccepted() {
        assertNull(Snils.problemWith("001-001-998 00"));
    }

    @Test
    void wrongChecksumMessageNamesTheExpectedChecksum() {
        assertEquals("СНИЛС •••-•••-••• 96: неверная контрольная сумма. Проверьте все цифры",
                Snils.problemWith("11223344596"));
    }

    @Test
    void withChecksumAppendsTheChecksumOfTheNineDigits() {
        assertEquals("112-233-445 95", Snils.withChecksum("112233445").formatted());
        assertThrows(IllegalArgumentException.class, () -> Snils.withChecksum("12345"));
    }
}
