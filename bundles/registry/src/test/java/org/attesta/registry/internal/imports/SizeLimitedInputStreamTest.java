package org.attesta.registry.internal.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.attesta.api.common.TooLargeException;
import org.junit.jupiter.api.Test;

class SizeLimitedInputStreamTest {
    private static final long MEGABYTE = 1024 * 1024;

    private static InputStream limited(int size, long limit) {
        return new SizeLimitedInputStream(new ByteArrayInputStream(new byte[size]), limit);
    }

    @Test
    void streamOfExactlyTheLimitIsReadWhole() throws IOException {
        try (InputStream in = limited(100, 100)) {
            assertEquals(100, in.readAllBytes().length);
            assertEquals(-1, in.read());
        }
    }

    @Test
    void streamOneByteOverTheLimitFails() {
        InputStream in = limited(101, 100);

        assertThrows(TooLargeException.class, in::readAllBytes);
    }

    @Test
    void singleByteReadsFailOnTheFirstByteOverTheLimit() throws IOException {
        InputStream in = limited(10, 3);
        in.read();
        in.read();
        in.read();

        assertThrows(TooLargeException.class, in::read);
    }

    @Test
    void bufferReadsAreCounted() throws IOException {
        InputStream in = limited(10, 7);
        byte[] buffer = new byte[4];

        assertEquals(4, in.read(buffer));
        assertThrows(TooLargeException.class, () -> in.read(buffer));
    }

    @Test
    void offsetBufferReadsAreCounted() throws IOException {
        InputStream in = limited(10, 5);
        byte[] buffer = new byte[10];

        assertEquals(5, in.read(buffer, 0, 5));
        assertThrows(TooLargeException.class, () -> in.read(buffer, 5, 1));
    }

    @Test
    void skippedBytesAreCounted() throws IOException {
        InputStream in = limited(10, 5);

        assertEquals(5, in.skip(5));
        assertThrows(TooLargeException.class, in::read);
    }

    @Test
    void skippingPastTheLimitFails() {
        InputStream in = limited(10, 5);

        assertThrows(TooLargeException.class, () -> in.skip(6));
    }

    @Test
    void readsAndSkipsAddUp() throws IOException {
        InputStream in = limited(10, 6);
        in.read();
        in.skip(2);
        in.read(new byte[3]);

        assertThrows(TooLargeException.class, in::read);
    }

    @Test
    void bytesReadAgainAfterResetAreNotCountedTwice() throws IOException {
        // A format may sniff the start of the file and go back: the file is still 10 bytes.
        InputStream in = limited(10, 10);
        in.mark(8);
        in.read(new byte[8]);
        in.reset();

        assertEquals(10, in.readAllBytes().length);
        assertThrows(TooLargeException.class, () -> {
            InputStream over = limited(11, 10);
            over.mark(8);
            over.read(new byte[8]);
            over.reset();
            over.readAllBytes();
        });
    }

    @Test
    void endOfStreamIsNotCounted() throws IOException {
        InputStream in = limited(3, 3);
        byte[] buffer = new byte[8];

        assertEquals(3, in.read(buffer));
        assertEquals(-1, in.read(buffer));
        assertEquals(-1, in.read());
        assertEquals(0, in.skip(5));
    }

    @Test
    void bytesPassThroughUnchanged() throws IOException {
        byte[] data = {1, 2, 3, -1, 0, 127};
        try (InputStream in = new SizeLimitedInputStream(new ByteArrayInputStream(data), 6)) {
            assertEquals(1, in.read());
            byte[] rest = new byte[5];
            assertEquals(5, in.read(rest));
            assertArrayEquals(new byte[] {2, 3, -1, 0, 127}, rest);
        }
    }

    @Test
    void failureSaysTheLimitInMegabytesAndHowToGoOn() {
        InputStream in = limited((int) (2 * MEGABYTE + 1), 2 * MEGABYTE);

        TooLargeException e = assertThrows(TooLargeException.class, in::readAllBytes);

        assertEquals("Файл больше допустимого размера 2 МБ. Разделите его на части или попросите администратора "
                + "увеличить import_max_megabytes.", e.getMessage());
        assertEquals("too-large", e.type());
    }
}
