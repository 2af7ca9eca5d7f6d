package org.attesta.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.attesta.api.common.AuthenticationException;
import org.attesta.api.common.TooManyRequestsException;
import org.attesta.api.security.AccountDraft;
import org.attesta.api.security.Caller;
import org.attesta.api.security.Role;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Scope;
import org.attesta.persistence.testing.MigratedDerby;
import org.attesta.persistence.testing.MigratedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A burst of 100 wrong passwords at once, for one login and from one address, on two nodes
 * sharing one database (Derby here, PostgreSQL when ATTESTA_TEST_POSTGRES_URL names a test
 * database): no more passwords are checked than the limit, the lock holds, and the right
 * password is refused until the lock ends.
 */
class LockoutConcurrencyTest {
    private static final SmallRegistry REGISTRY = new SmallRegistry();
    private static final int BURST = 100;
    private static final String WRONG = "guess-guess-guess";

    private final AccountsAndSignInTest.MovableClock clock =
            new AccountsAndSignInTest.MovableClock(Instant.parse("2026-02-01T06:00:00Z"));
    private final ThreadCallerContext callers = new ThreadCallerContext();
    private final RecordingAudit audit = new RecordingAudit(callers);
    private MigratedDerby derby;
    private CountingPasswords passwords;
    private final List<StaffAuthentication> nodes = new ArrayList<>();
    private StaffAccounts accounts;
    private DataSource dataSource;

    @AfterEach
    void stop() {
        if (derby != null) {
            derby.close();
        }
    }

    @Test
    void oneLoginOnDerby() throws Exception {
        derby = new MigratedDerby("lockout-burst");
        oneLogin(derby.dataSource(), BURST);
    }

    @Test
    void oneAddressOnDerby() throws Exception {
        derby = new MigratedDerby("lockout-burst");
        oneAddress(derby.dataSource(), BURST);
    }

    @Test
    void oneLoginOnPostgres() throws Exception {
        assumeTrue(MigratedPostgres.available(), "ATTESTA_TEST_POSTGRES_URL is not set");
        // Each attempt holds a connection of its own for a moment; leave the server room for others.
        oneLogin(MigratedPostgres.fresh().dataSource(), 40);
    }

    @Test
    void oneAddressOnPostgres() throws Exception {
        assumeTrue(MigratedPostgres.available(), "ATTESTA_TEST_POSTGRES_URL is not set");
        oneAddress(MigratedPostgres.fresh().dataSource(), 40);
    }

    private void oneLogin(DataSource dataSource, int threads) throws Exception {
        String password = start(dataSource, "org-burst");
        List<Throwable> outcomes = burst(threads, i -> () -> node(i).login("org-burst", WRONG.toCharArray(),
                "198.51.100." + i));

        assertTrue(passwords.checks.get() <= 5, "passwords checked: " + passwords.checks.get());
        assertEquals(BURST, outcomes.stream().filter(e -> e instanceof AuthenticationException
                || e instanceof TooManyRequestsException).count(), "every attempt was refused: " + outcomes);
        assertNotNull(lockedUntil("login:org-burst"), "the login is locked");
        assertThrows(TooManyRequestsException.class,
                () -> node(0).login("org-burst", password.toCharArray(), "203.0.113.1"));
        assertThrows(TooManyRequestsException.class,
                () -> node(1).authenticate("org-burst", password.toCharArray(), "203.0.113.2"));
        clock.advance(Duration.ofMinutes(14));
        assertThrows(TooManyRequestsException.class,
                () -> node(1).login("org-burst", password.toCharArray(), "203.0.113.1"));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        node(0).login("org-burst", password.toCharArray(), "203.0.113.1");
    }

    private void oneAddress(DataSource dataSource, int threads) throws Exception {
        String password = start(dataSource, "org-behind-nat");
        String address = "192.0.2.99";
        List<Throwable> outcomes = burst(threads, i -> () -> node(i).login("ghost-" + i, WRONG.toCharArray(),
                address));

        assertTrue(passwords.checks.get() <= 30, "passwords checked: " + passwords.checks.get());
        assertEquals(BURST, outcomes.stream().filter(e -> e instanceof AuthenticationException
                || e instanceof TooManyRequestsException).count(), "every attempt was refused: " + outcomes);
        assertNotNull(lockedUntil("address:" + address), "the address is locked");
        assertThrows(TooManyRequestsException.class,
                () -> node(0).login("org-behind-nat", password.toCharArray(), address));
        node(1).login("org-behind-nat", password.toCharArray(), "203.0.113.1");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        node(1).login("org-behind-nat", password.toCharArray(), address);
    }

    /** Two nodes on the database, an account, and checks that take as long as a cheap Argon2id. */
    private String start(DataSource dataSource, String login) {
        this.dataSource = dataSource;
        passwords = new CountingPasswords(SignInServices.keys(), 20);
        PlatformAccounts platform = SignInServices.noAdministrators(passwords);
        for (int i = 0; i < 2; i++) {
            SignInServices node = new SignInServices(dataSource, Map.of("basic_cache_seconds", 0), passwords,
                    platform, REGISTRY, audit, callers, clock);
            nodes.add(node.authentication);
            if (accounts == null) {
                accounts = node.accounts;
            }
        }
        return callers.callAs(Caller.platformAdministrator("admin", "127.0.0.1"), () -> {
            accounts.issue(new AccountDraft(login, "Иванова И. И.",
                    List.of(new RoleGrant(Role.RESPONSIBLE_ORGANIZER, Scope.school("01001")))));
            String oneTime = accounts.takeCredentials(login).oneTimePassword();
            passwords.checks.set(0);
            return oneTime;
        });
    }

    private StaffAuthentication node(int i) {
        return nodes.get(i % nodes.size());
    }

    /** Runs the attempts at once on this many threads; each outcome is the attempt's exception. */
    private static List<Throwable> burst(int threads, IntFunction<Runnable> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                Runnable one = attempt.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        one.run();
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Instant lockedUntil(String key) {
        return new Database(dataSource).inTransaction(connection ->
                new LoginThrottle(null, null).lockedUntil(connection, key, clock.instant()));
    }
}
