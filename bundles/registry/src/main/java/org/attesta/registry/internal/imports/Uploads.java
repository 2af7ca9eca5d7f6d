package org.attesta.registry.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Problem;

/** SHA-256 of uploads: computed while the bytes pass, compared with what the sender said. */
final class Uploads {
    private Uploads() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** Reads what a format left unread (trailing bytes still count) and returns the hex digest. */
    static String finish(DigestInputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(in.getMessageDigest().digest());
    }

    /** Fails unless the expected digest (when given) is the actual one. */
    static void check(String expected, String actual) {
        if (expected != null && !expected.strip().toLowerCase(Locale.ROOT).equals(actual)) {
            String message = "Файл повреждён при передаче: контрольная сумма SHA-256 не совпадает (получено " + actual
                    + "). Отправьте файл ещё раз.";
            throw new InvalidInputException("digest-mismatch", message, List.of(new Problem(0, "sha256", message)), false);
        }
    }

    /** Stores the stream in a new file of {@code directory}, returning the file and its digest. */
    static Stored store(InputStream data, Path directory, long maxBytes) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "import-", ".upload");
        try (DigestInputStream in = new DigestInputStream(new SizeLimitedInputStream(data, maxBytes), sha256());
                OutputStream out = Files.newOutputStream(file)) {
            long size = in.transferTo(out);
            return new Stored(file, size, HexFormat.of().formatHex(in.getMessageDigest().digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    record Stored(Path file, long size, String sha256) {
    }
}
