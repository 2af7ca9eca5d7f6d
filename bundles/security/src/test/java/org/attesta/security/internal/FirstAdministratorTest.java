package org.attesta.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstAdministratorTest {
    @TempDir
    Path data;
    @TempDir
    Path etc;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PlatformAccounts administrators;

    @BeforeEach
    void start() {
        KeyRing keys = new KeyRing(SecretKeys.of(new SecureRandom().generateSeed(32)));
        administrators = new PlatformAccounts(etc.resolve("users.properties"), Set.of(),
                new Passwords(Configs.of(Passwords.Config.class, Map.of()), keys));
    }

    @Test
    void generatedPasswordIsPrintedOnceAndWrittenForTheOwnerOnly() throws Exception {
        assertTrue(administrator(null).ensure());

        Path file = data.resolve("admin-password.txt");
        String password = Files.readString(file).strip();
        assertEquals(20, password.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(printed().contains(password));
        PlatformAccounts.Administrator admin = administrators.verify("admin", password.toCharArray()).orElseThrow();
        assertEquals(Set.of("admingroup"), admin.groups());
        assertTrue(admin.roles().containsAll(List.of("admin", "ssh", "attesta")));
        Path users = etc.resolve("users.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
        String text = Files.readString(users);
        assertFalse(text.contains(password));
        assertFalse(text.contains("{CRYPT}"), "no unsalted SHA-512");
        assertTrue(text.contains("$argon2id$"));
    }

    @Test
    void suppliedPasswordIsUsedAndNeitherPrintedNorWritten() throws Exception {
        assertTrue(administrator("a-long-enough-secret").ensure());

        assertTrue(administrators.verify("admin", "a-long-enough-secret".toCharArray()).isPresent());
        assertFalse(printed().contains("a-long-enough-secret"));
        assertFalse(Files.exists(data.resolve("admin-password.txt")));
    }

    @Test
    void existingAdministratorIsLeftAlone() throws Exception {
        administrators.create("admin", "old-password-1".toCharArray(), "admingroup", List.of("admin"));

        assertFalse(administrator("a-long-enough-secret").ensure());

        assertTrue(administrators.verify("admin", "old-password-1".toCharArray()).isPresent());
        assertEquals("", printed());
    }

    @Test
    void shortSuppliedPasswordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> administrator("short").ensure());
        assertFalse(administrators.exists("admin"));
    }

    private FirstAdministrator administrator(String supplied) {
        return new FirstAdministrator(administrators, defaults(), supplied, data,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static AdminBootstrap.Config defaults() {
        return new AdminBootstrap.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AdminBootstrap.Config.class;
            }

            @Override
            public String user() {
                return "admin";
            }

            @Override
            public String group() {
                return "admingroup";
            }

            @Override
            public String[] roles() {
                return new String[] {"admin", "manager", "viewer", "systembundles", "ssh", "attesta"};
            }

            @Override
            public String password_file() {
                return "admin-password.txt";
            }

            @Override
            public String[] owner_only_files() {
                return new String[0];
            }
        };
    }
}
