package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key files: made once, private, never replaced, and read back as the same keys. */
class AuditKeysTest {
    private final SecureRandom random = new SecureRandom();
    @TempDir
    Path directory;

    @Test
    void theFirstStartCreatesPrivateKeyFilesAndAPublicKeyForAuditors() throws Exception {
        Path chain = directory.resolve("keys/attesta-audit.key");
        Path signing = directory.resolve("keys/attesta-audit-anchor.key");

        AuditKeys first = AuditKeys.loadOrCreate(chain, signing, random);

        assertEquals("rw-------", permissions(chain));
        assertEquals("rw-------", permissions(signing));
        Path exported = directory.resolve("keys/attesta-audit-anchor.pub");
        assertTrue(Files.readString(exported).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        try (var files = Files.list(directory.resolve("keys"))) {
            assertEquals(3, files.count(), "no temporary file is left behind");
        }

        AuditKeys again = AuditKeys.loadOrCreate(chain, signing, random);
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(first.chainKey().mac().doFinal(data), again.chainKey().mac().doFinal(data));
        assertEquals(first.verifyingKey(), again.verifyingKey());
    }

    @Test
    void anExistingKeyFileIsNeverReplaced() throws Exception {
        Path file = directory.resolve("k.key");
        assertTrue(KeyFiles.createOnce(file, "first\n".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(KeyFiles.createOnce(file, "second\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("first\n", Files.readString(file));
    }

    @Test
    void anotherChainKeyGivesOtherHashes() throws Exception {
        AuditKeys one = AuditKeys.loadOrCreate(directory.resolve("a.key"), directory.resolve("a-anchor.key"), random);
        AuditKeys two = AuditKeys.loadOrCreate(directory.resolve("b.key"), directory.resolve("b-anchor.key"), random);
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(java.util.HexFormat.of().formatHex(one.chainKey().mac().doFinal(data)),
                java.util.HexFormat.of().formatHex(two.chainKey().mac().doFinal(data)));
    }

    @Test
    void aDamagedKeyFileIsRefusedWithItsPath() throws Exception {
        Path chain = directory.resolve("attesta-audit.key");
        Files.writeString(chain, "not base64!\n");
        IOException failure = assertThrows(IOException.class,
                () -> AuditKeys.loadOrCreate(chain, directory.resolve("anchor.key"), random));
        assertTrue(failure.getMessage().contains(chain.toString()), failure.getMessage());
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
