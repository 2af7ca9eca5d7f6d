package org.attesta.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master secret of Attesta, kept in a file outside the database (so a copy of the
 * database alone reveals no personal data and opens no account). Created on first start,
 * readable by the owner only; every node of a cluster must be given the same file. Purpose
 * keys are derived from it with HMAC-SHA256 over a label, so one key never serves two jobs.
 */
final class SecretKeys {
    static final int MASTER_BYTES = 32;
    private static final System.Logger LOG = System.getLogger(SecretKeys.class.getName());

    private final byte[] master;

    private SecretKeys(byte[] master) {
        this.master = master;
    }

    static SecretKeys of(byte[] master) {
        if (master.length < MASTER_BYTES) {
            throw new IllegalArgumentException("the master key needs " + MASTER_BYTES + " bytes");
        }
        return new SecretKeys(master.clone());
    }

    /** Reads the key file, creating it with a new random key when it does not exist. */
    static SecretKeys loadOrCreate(Path file, SecureRandom random) throws IOException {
        if (!Files.exists(file)) {
            create(file, random);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new IOException("The key file " + file + " does not hold a base64 key of " + MASTER_BYTES
                    + " bytes; restore it from the backup", e);
        }
    }

    /** Writes a new key file unless one exists already: a key in use is never replaced. */
    static void create(Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[MASTER_BYTES];
        random.nextBytes(key);
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "key", ".tmp");
        try {
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            // Another node or start may have written one meanwhile: keep theirs, never replace a key. A hard
            // link fails when the name exists; an atomic move (rename) would silently replace it on Linux.
            Files.createLink(file, temporary);
            LOG.log(System.Logger.Level.WARNING, "Created the data key file {0}. Back it up apart from the database: "
                    + "without it, the personal data in the database cannot be read.", file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A 256-bit key for one purpose, such as {@code personal-data-encryption}. */
    byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(("attesta/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
