package org.attesta.shell.internal;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import org.attesta.api.registry.ImportProgress;

/** One console line rewritten in place: rows read and the share of the file done. */
final class ProgressLine implements ImportProgress {
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream out;
    private final long totalBytes;
    private final LongSupplier nanoTime;
    private long lastPrinted;
    private boolean finished;
    private boolean printed;
    private boolean unprinted;
    private long unprintedRows;
    private long unprintedBytes;

    ProgressLine(PrintStream out, long totalBytes) {
        this(out, totalBytes, System::nanoTime);
    }

    /** @param nanoTime the clock that throttles printing, as {@link System#nanoTime()} */
    ProgressLine(PrintStream out, long totalBytes, LongSupplier nanoTime) {
        this.out = out;
        this.totalBytes = totalBytes;
        this.nanoTime = nanoTime;
    }

    @Override
    public void advanced(long rows, long bytes) {
        long now = nanoTime.getAsLong();
        if (printed && now - lastPrinted < EVERY_NANOS) {
            // Not shown now, but finish() shows it if nothing comes after: the line ends up current.
            unprintedRows = rows;
            unprintedBytes = bytes;
            unprinted = true;
            return;
        }
        lastPrinted = now;
        print(rows, bytes);
    }

    /** Ends the progress line; calling it again does nothing. */
    void finish() {
        if (unprinted) {
            print(unprintedRows, unprintedBytes);
        }
        if (printed && !finished) {
            out.println();
        }
        finished = true;
    }

    private void print(long rows, long bytes) {
        printed = true;
        unprinted = false;
        out.print("\rПрочитано строк: " + rows + percent(bytes) + "   ");
        out.flush();
    }

    private String percent(long bytes) {
        if (totalBytes <= 0) {
            return "";
        }
        return " (" + Math.min(100, bytes * 100 / totalBytes) + "%)";
    }
}
