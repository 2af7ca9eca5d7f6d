package org.attesta.security.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;

/** The decision and the steps of creating the first administrator, apart from OSGi for testing. */
final class FirstAdministrator {
    /** No look-alikes (0/O, 1/l/I), so a printed password can be typed. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;
    private static final int MIN_LENGTH = 12;

    private final PlatformAccounts administrators;
    private final AdminBootstrap.Config config;
    private final String suppliedPassword;
    private final Path dataDirectory;
    private final PrintStream console;

    FirstAdministrator(PlatformAccounts administrators, AdminBootstrap.Config config, String suppliedPassword, Path dataDirectory,
            PrintStream console) {
        this.administrators = administrators;
        this.config = config;
        this.suppliedPassword = suppliedPassword;
        this.dataDirectory = dataDirectory;
        this.console = console;
    }

    /** @return true when the administrator was created now, false when one already existed */
    boolean ensure() throws IOException {
        if (administrators.exists(config.user())) {
            return false;
        }
        boolean supplied = suppliedPassword != null && !suppliedPassword.isBlank();
        if (supplied && suppliedPassword.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(AdminBootstrap.PASSWORD_VARIABLE + " must have at least " + MIN_LENGTH
                    + " characters; the administrator was not created");
        }
        String password = supplied ? suppliedPassword : generate();
        if (!administrators.create(config.user(), password.toCharArray(), config.group(), List.of(config.roles()))) {
            return false;
        }
        if (supplied) {
            console.println("Attesta: administrator '" + config.user() + "' created with the password from "
                    + AdminBootstrap.PASSWORD_VARIABLE);
        } else {
            Path file = writeOwnerOnly(password);
            console.println("Attesta: administrator '" + config.user() + "' created. Password (shown once, also in "
                    + file + ", readable by the owner only): " + password);
        }
        return true;
    }

    private Path writeOwnerOnly(String password) throws IOException {
        Files.createDirectories(dataDirectory);
        Path file = dataDirectory.resolve(config.password_file());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
