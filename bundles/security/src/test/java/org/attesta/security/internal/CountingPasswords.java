package org.attesta.security.internal;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real password checks, counted, each taking at least a set time (as Argon2id does), and
 * optionally holding one password's check until the test lets it go: what the lockout tests
 * need to see how many passwords were actually checked and to interleave checks.
 */
final class CountingPasswords extends Passwords {
    final AtomicInteger checks = new AtomicInteger();
    private final long checkMillis;
    private volatile String held;
    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);

    CountingPasswords(KeyRing keys, long checkMillis) {
        super(Configs.of(Passwords.Config.class, Map.of()), keys);
        this.checkMillis = checkMillis;
    }

    /** The next check of this password waits, once it has started, until {@link #letGo()}. */
    void hold(String password) {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        held = password;
    }

    void awaitHeldCheck() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the held password was never checked");
        }
    }

    void letGo() {
        release.countDown();
    }

    @Override
    boolean verify(char[] password, String stored) {
        checks.incrementAndGet();
        if (held != null && held.equals(new String(password))) {
            held = null;
            entered.countDown();
            await(release);
        }
        if (checkMillis > 0) {
            sleep(checkMillis);
        }
        return super.verify(password, stored);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
