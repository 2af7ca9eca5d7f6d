package org.attesta.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long MS = 1_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    /** The time the progress line sees, in nanoseconds; moved by the tests. */
    private long now = 5_000 * MS;

    private ProgressLine progress(long totalBytes) {
        return new ProgressLine(out, totalBytes, () -> now);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void firstReportIsPrintedAtOnce() {
        progress(1000).advanced(10, 250);

        assertEquals("\rПрочитано строк: 10 (25%)   ", printed());
    }

    @Test
    void reportsWithinAQuarterSecondOfThePrintedOneAreHeldBack() {
        ProgressLine line = progress(1000);

        line.advanced(10, 100);
        now += 249 * MS;
        line.advanced(20, 200);

        assertEquals("\rПрочитано строк: 10 (10%)   ", printed());
    }

    @Test
    void reportAQuarterSecondLaterIsPrinted() {
        ProgressLine line = progress(1000);

        line.advanced(10, 100);
        now += 100 * MS;
        line.advanced(20, 200);
        now += 150 * MS;
        line.advanced(30, 300);

        assertEquals("\rПрочитано строк: 10 (10%)   \rПрочитано строк: 30 (30%)   ", printed());
    }

    @Test
    void heldBackReportsDoNotPostponeTheNextPrint() {
        ProgressLine line = progress(0);

        line.advanced(1, 0);
        for (int i = 2; i <= 6; i++) {
            now += 50 * MS;
            line.advanced(i, 0);
        }

        assertEquals("\rПрочитано строк: 1   \rПрочитано строк: 6   ", printed());
    }

    @Test
    void percentIsCappedAt100() {
        progress(1000).advanced(10, 1500);

        assertEquals("\rПрочитано строк: 10 (100%)   ", printed());
    }

    @Test
    void percentIsRoundedDown() {
        progress(3).advanced(1, 2);

        assertEquals("\rПрочитано строк: 1 (66%)   ", printed());
    }

    @Test
    void unknownSizeShowsNoPercent() {
        progress(0).advanced(7, 1234);

        assertEquals("\rПрочитано строк: 7   ", printed());
    }

    @Test
    void largeFilesDoNotOverflowThePercent() {
        long fiveGigabytes = 5L * 1024 * 1024 * 1024;

        progress(fiveGigabytes).advanced(1_000_000, fiveGigabytes / 2);

        assertEquals("\rПрочитано строк: 1000000 (50%)   ", printed());
    }

    @Test
    void finishEndsThePrintedLine() {
        ProgressLine line = progress(100);
        line.advanced(3, 100);

        line.finish();

        assertEquals("\rПрочитано строк: 3 (100%)   " + System.lineSeparator(), printed());
    }

    @Test
    void finishPrintsNothingWhenNothingWasPrinted() {
        progress(100).finish();

        assertEquals("", printed());
    }

    @Test
    void finishShowsTheLastHeldBackReportSoTheLineEndsCurrent() {
        ProgressLine line = progress(2000);
        line.advanced(1000, 1000);
        now += 10 * MS;
        line.advanced(1500, 2000);

        line.finish();

        assertEquals("\rПрочитано строк: 1000 (50%)   \rПрочитано строк: 1500 (100%)   " + System.lineSeparator(),
                printed());
    }

    @Test
    void finishDoesNotRepeatAReportAlreadyShown() {
        ProgressLine line = progress(2000);
        line.advanced(1000, 1000);
        now += 10 * MS;
        line.advanced(1500, 2000);
        now += 300 * MS;
        line.advanced(1500, 2000);

        line.finish();

        assertEquals("\rПрочитано строк: 1000 (50%)   \rПрочитано строк: 1500 (100%)   " + System.lineSeparator(),
                printed());
    }
}
