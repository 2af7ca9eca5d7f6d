package org.attesta.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.attesta.api.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class DigestsTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);
    private static final String HELLO_HEX = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @Test
    void contentDigestInBase64BecomesHex() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(HELLO));
        assertEquals(HELLO_HEX, Digests.expectedSha256("sha-256=:" + base64 + ":", null));
        assertEquals(HELLO_HEX, Digests.expectedSha256("sha-512=:AAAA:, sha-256=:" + base64 + ":", null));
    }

    @Test
    void hexQueryParameterWinsAndIsLowerCased() {
        assertEquals(HELLO_HEX, Digests.expectedSha256(null, HELLO_HEX.toUpperCase()));
        assertEquals(HexFormat.of().formatHex(new byte[32]), Digests.expectedSha256("sha-256=:bad:", "0".repeat(64)));
    }

    @Test
    void noDigestMeansNoCheck() {
        assertNull(Digests.expectedSha256(null, null));
        assertNull(Digests.expectedSha256(" ", ""));
    }

    @Test
    void malformedDigestsAreRefusedWithTheExpectedForm() {
        assertEquals("sha256 должен состоять из 64 шестнадцатеричных цифр",
                assertThrows(InvalidInputException.class, () -> Digests.expectedSha256(null, "abc")).getMessage());
        assertThrows(InvalidInputException.class, () -> Digests.expectedSha256("md5=:AAAA:", null));
        assertThrows(InvalidInputException.class, () -> Digests.expectedSha256("sha-256=:AAAA:", null));
    }
}
