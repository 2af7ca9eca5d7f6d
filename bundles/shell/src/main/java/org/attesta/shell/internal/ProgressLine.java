package org.attesta.shell.internal;

import java.io.PrintStream;
import org.attesta.api.registry.ImportProgress;

/** One console line rewritten in place: rows read and the share of the file done. */
final class ProgressLine implements ImportProgress {
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream out;
    private final long totalBytes;
    private long lastPrinted;
    private boolean printed;

    ProgressLine(PrintStream out, long totalBytes) {
        this.out = out;
        this.totalBytes = totalBytes;
    }

    @Override
    public void advanced(long rows, long bytes) {
        long now = System.nanoTime();
        if (printed && now - lastPrinted < EVERY_NANOS) {
            return;
        }
        lastPrinted = now;
        printed = true;
        out.print("\rПрочитано строк: " + rows + percent(bytes) + "   ");
        out.flush();
    }

    void finish() {
        if (printed) {
            out.println();
        }
    }

    private String percent(long bytes) {
        if (totalBytes <= 0) {
            return "";
        }
        return " (" + Math.min(100, bytes * 100 / totalBytes) + "%)";
    }
}
