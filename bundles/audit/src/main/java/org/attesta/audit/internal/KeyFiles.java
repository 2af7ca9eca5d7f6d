package org.attesta.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that hold secrets: written once, whole, readable by the owner only. */
final class KeyFiles {
    static final String OWNER_ONLY = "rw-------";

    private KeyFiles() {
    }

    /**
     * Writes {@code content} to {@code file} unless the file exists. The content goes to a
     * private temporary file first and is then linked into place: a link never replaces an
     * existing file, so two nodes or starts racing keep one key, and nobody ever reads half a key.
     *
     * @return whether this call created the file
     */
    static boolean createOnce(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".key", ".tmp");
        try {
            ownerOnly(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            try {
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException e) {
                // No hard links on this file system: a plain move still refuses an existing target.
                Files.move(temporary, file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY));
        }
    }
}
