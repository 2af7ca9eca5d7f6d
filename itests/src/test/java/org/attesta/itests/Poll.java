package org.attesta.itests;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** Waits for a condition with a deadline, checking often: never a fixed sleep. */
final class Poll {
    private static final long INTERVAL_NANOS = Duration.ofMillis(100).toNanos();

    private Poll() {
    }

    static void until(Duration timeout, String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what, last);
    }
}
