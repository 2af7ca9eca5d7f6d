package org.attesta.registry.internal.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.attesta.api.common.TooLargeException;

/** Stops reading past the configured size with a failure the person can act on. */
final class SizeLimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;
    private long countAtMark;

    SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public synchronized void mark(int readLimit) {
        super.mark(readLimit);
        countAtMark = count;
    }

    /** Bytes read again after a reset are the same bytes of the file: they do not count twice. */
    @Override
    public synchronized void reset() throws IOException {
        super.reset();
        count = countAtMark;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw new TooLargeException("Файл больше допустимого размера " + (limit / (1024 * 1024))
                    + " МБ. Разделите его на части или попросите администратора увеличить import_max_megabytes.");
        }
    }
}
