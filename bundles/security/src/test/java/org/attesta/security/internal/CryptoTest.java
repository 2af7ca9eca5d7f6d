package org.attesta.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.attesta.api.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void argon2idHashesVerifyAndCarryTheirParameters() {
        PasswordHasher hasher = new PasswordHasher(Argon2Settings.OWASP_MINIMUM, random);
        String hash = hasher.hash("Весенний-луг-2026".toCharArray());
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(PasswordHasher.verify("Весенний-луг-2026".toCharArray(), hash));
        assertFalse(PasswordHasher.verify("Весенний-луг-2027".toCharArray(), hash));
        assertNotEquals(hash, hasher.hash("Весенний-луг-2026".toCharArray()), "each hash has its own salt");
        assertFalse(hasher.needsRehash(hash));
        assertTrue(new PasswordHasher(new Argon2Settings(64 * 1024, 3, 1), random).needsRehash(hash));
    }

    @Test
    void anythingButAnArgon2idStringNeverVerifies() {
        for (String stored : new String[] {null, "", "plain", "$argon2i$v=19$m=19456,t=2,p=1$AAAA$AAAA",
                "$argon2id$v=19$m=x,t=2,p=1$AAAA$AAAA", "$argon2id$v=19$m=19456,t=2,p=1$AAAA"}) {
            assertFalse(PasswordHasher.verify("x".toCharArray(), stored), String.valueOf(stored));
        }
    }

    @Test
    void sealedValuesOpenOnlyWithTheirKeyAndUnchanged() {
        SecretKeys keys = SecretKeys.of(bytes(32, 7));
        Sealer sealer = new Sealer(keys, "personal-data", random);
        String sealed = sealer.seal("4509 123456");
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("123456"));
        assertNotEquals(sealed, sealer.seal("4509 123456"), "a fresh nonce each time");
        assertEquals("4509 123456", sealer.open(sealed));
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThrows(IllegalArgumentException.class, () -> sealer.open(new String(chars)));
        Sealer otherKey = new Sealer(SecretKeys.of(bytes(32, 8)), "personal-data", random);
        assertThrows(IllegalArgumentException.class, () -> otherKey.open(sealed));
        Sealer otherPurpose = new Sealer(keys, "credentials", random);
        assertThrows(IllegalArgumentException.class, () -> otherPurpose.open(sealed));
    }

    @Test
    void fingerprintsAreStableAndDependOnTheKey() {
        Sealer sealer = new Sealer(SecretKeys.of(bytes(32, 7)), "personal-data", random);
        assertEquals(sealer.fingerprint("12345678901"), sealer.fingerprint("12345678901"));
        assertNotEquals(sealer.fingerprint("12345678901"), sealer.fingerprint("12345678902"));
        assertNotEquals(sealer.fingerprint("12345678901"),
                new Sealer(SecretKeys.of(bytes(32, 8)), "personal-data", random).fingerprint("12345678901"));
    }

    @Test
    void theKeyFileIsCreatedOnceForTheOwnerAndThenKept(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("keys/attesta-data.key");
        SecretKeys first = SecretKeys.loadOrCreate(file, random);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        SecretKeys again = SecretKeys.loadOrCreate(file, random);
        assertEquals(new Sealer(first, "p", random).fingerprint("x"), new Sealer(again, "p", random).fingerprint("x"));
        Files.writeString(file, "not base64!");
        assertThrows(java.io.IOException.class, () -> SecretKeys.loadOrCreate(file, random));
    }

    @Test
    void aKeyWrittenMeanwhileByAnotherNodeIsNeverReplaced(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("attesta-data.key");
        SecretKeys.create(file, random);
        String theirs = Files.readString(file);
        // The second start saw no file, made its own key and arrives after the first one wrote its file.
        SecretKeys.create(file, random);
        assertEquals(theirs, Files.readString(file));
        try (var left = Files.list(directory)) {
            assertEquals(1, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void oneTimePasswordsAreLongAndFreeOfLookAlikes() {
        OneTimePasswords generator = new OneTimePasswords(random);
        for (int i = 0; i < 200; i++) {
            String password = generator.next();
            assertTrue(password.matches("[A-HJ-NP-Za-km-z2-9]{5}-[A-HJ-NP-Za-km-z2-9]{5}-[A-HJ-NP-Za-km-z2-9]{5}"),
                    password);
        }
    }

    @Test
    void chosenPasswordsMustBeLongAndNotTheLogin() {
        PasswordRules.check("oo-01001-org", "корова-река-облако".toCharArray());
        assertEquals("weak-password", assertThrows(InvalidInputException.class,
                () -> PasswordRules.check("u", "short-pw".toCharArray())).type());
        assertThrows(InvalidInputException.class, () -> PasswordRules.check("oo-01001-org",
                "my-oo-01001-org-pass".toCharArray()));
        assertThrows(InvalidInputException.class, () -> PasswordRules.check("u", "aaaaaaaaaaaaaaaa".toCharArray()));
        assertThrows(InvalidInputException.class, () -> PasswordRules.check("u", "qwerty123456".toCharArray()));
        assertThrows(InvalidInputException.class, () -> PasswordRules.check("u", "x".repeat(60).concat(
                "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789").toCharArray()));
    }

    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
