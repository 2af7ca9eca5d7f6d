package org.attesta.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The anchors of this node, one JSON line each, appended and synced to disk before the write
 * counts. The file is private to the owner: it names no person, but it is evidence.
 */
final class AnchorFile {
    private final Path file;

    AnchorFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    synchronized void append(Anchor anchor) throws IOException {
        createIfMissing();
        byte[] line = (anchor.json() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Every line, in file order; none when there is no file yet. */
    synchronized List<String> lines() throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private void createIfMissing() throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        try {
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(KeyFiles.OWNER_ONLY)));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another start made it meanwhile
        }
        syncDirectory(directory);
    }

    /** Makes the new file's name durable too; not every platform can open a directory. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // The line itself is synced; losing only a fresh empty file's name on a crash is harmless.
        }
    }
}
