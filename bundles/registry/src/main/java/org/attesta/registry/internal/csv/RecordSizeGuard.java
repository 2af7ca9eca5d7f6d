package org.attesta.registry.internal.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a single record from growing without bound. An unclosed quote makes the CSV parser
 * read the rest of the file into one field; on a file of a million rows that would hold the
 * whole file in memory before failing. The reader counts the characters handed out since
 * {@link #startRecord()} and fails once they pass the limit.
 */
final class RecordSizeGuard extends FilterReader {
    private final long limit;
    private long sinceRecordStart;

    RecordSizeGuard(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Called before each record is parsed. */
    void startRecord() {
        sinceRecordStart = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            counted(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) throws RecordTooLongException {
        sinceRecordStart += n;
        if (sinceRecordStart > limit) {
            throw new RecordTooLongException(limit);
        }
    }

    /** A record passed the size limit. */
    static final class RecordTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLongException(long limit) {
            super("record longer than " + limit + " characters");
        }
    }
}
