package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChainHashTest {
    private static final String PREV = "ab".repeat(32);

    @Test
    void encodesEachFieldAsByteLengthColonBytesAndNullAsDash() {
        // "яz" is three UTF-8 bytes: the length counts bytes, not characters.
        byte[] expected = "2:ab-0:3:яz1:\"".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, ChainHash.encode("ab", null, "", "яz", "\""));
    }

    @Test
    void hashIsSha256OverTheDocumentedEncoding() throws Exception {
        String detail = "{\"after\":{\"имя\":\"Иван\"},\"before\":{}}";
        String text = "15:attesta-audit-1" + "64:" + PREV + "1:7" + "13:1700000000000" + "6:ivanov" + "5:STAFF"
                + "-" + "10:auth.login" + "7:SUCCESS" + "-" + "-"
                + detail.getBytes(StandardCharsets.UTF_8).length + ":" + detail;
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));

        String hash = ChainHash.of(PREV, 7, 1_700_000_000_000L, "ivanov", "STAFF", null, "auth.login", "SUCCESS",
                null, null, detail);

        assertEquals(expected, hash);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    }

    @Test
    void nullAndEmptyGiveDifferentHashes() {
        assertNotEquals(hash(null, "x"), hash("", "x"));
    }

    @Test
    void movingACharacterBetweenFieldsChangesTheHash() {
        assertNotEquals(hash("ab", "c"), hash("a", "bc"));
    }

    @Test
    void everyFieldIsCovered() {
        Set<String> hashes = new HashSet<>();
        hashes.add(ChainHash.of(PREV, 1, 2, "a", "STAFF", "10.0.0.1", "x.y", "SUCCESS", "t", "1", "{}"));
        hashes.add(ChainHash.of("cd".repeat(32), 1, 2, "a", "STAFF", "10.0.0.1", "x.y", "SUCCESS", "t", "1", "{}"));
        hashes.add(ChainHash.of(PREV, 9, 2, "a", "STAFF", "10.0.0.1", "x.y", "SUCCESS", "t", "1", "{}"));
        hashes.add(ChainHash.of(PREV, 1, 9, "a", "STAFF", "10.0.0.1", "x.y", "SUCCESS", "t", "1", "{}"));
        hashes.add(ChainHash.of(PREV, 1, 2, "b", "STAFF", "10.0.0.1", "x.y", "SUCCESS", "t", "1", "{}"));
        hashes.add(ChainHash.of(PREV, 1, 2, "a", "SYSTEM", "10.0.0.1", "x.y", "SUCCESS", "t", "1", "{}"));
        hashes.add(ChainHash.of(PREV, 1, 2, "a", "STAFF", "10.0.0.2", "x.y", "SUCCESS", "t", "1", "{}"));
        hashes.add(ChainHash.of(PREV, 1, 2, "a", "STAFF", "10.0.0.1", "x.z", "SUCCESS", "t", "1", "{}"));
        hashes.add(ChainHash.of(PREV, 1, 2, "a", "STAFF", "10.0.0.1", "x.y", "DENIED", "t", "1", "{}"));
        hashes.add(ChainHash.of(PREV, 1, 2, "a", "STAFF", "10.0.0.1", "x.y", "SUCCESS", "u", "1", "{}"));
        hashes.add(ChainHash.of(PREV, 1, 2, "a", "STAFF", "10.0.0.1", "x.y", "SUCCESS", "t", "2", "{}"));
        hashes.add(ChainHash.of(PREV, 1, 2, "a", "STAFF", "10.0.0.1", "x.y", "SUCCESS", "t", "1", "{ }"));
        assertEquals(12, hashes.size(), "each of the 12 variations must give its own hash");
    }

    @Test
    void sameInputGivesSameHash() {
        assertEquals(hash("a", "b"), hash("a", "b"));
    }

    @Test
    void genesisIsTheSchemaSeed() {
        char[] zeros = new char[64];
        Arrays.fill(zeros, '0');
        assertEquals(new String(zeros), ChainHash.GENESIS);
    }

    private static String hash(String objectType, String objectId) {
        return ChainHash.of(PREV, 1, 2, "a", "STAFF", null, "x.y", "SUCCESS", objectType, objectId, "{}");
    }
}
