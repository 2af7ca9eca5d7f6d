package org.attesta.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.attesta.api.audit.AuditEntry;
import org.attesta.api.audit.AuditOutcome;
import org.attesta.api.common.AuthenticationException;
import org.attesta.api.common.TooManyRequestsException;
import org.attesta.api.security.AccountDraft;
import org.attesta.api.security.Caller;
import org.attesta.api.security.IssuedCredentials;
import org.attesta.api.security.Role;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Scope;
import org.attesta.api.security.Session;
import org.attesta.persistence.testing.MigratedDerby;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lockout, the password change and the sessions it ends, on the real schema (in-memory
 * Derby) with a clock the test moves and password checks the test counts and holds.
 */
class SignInLockoutTest {
    private static final SmallRegistry REGISTRY = new SmallRegistry();
    private PlatformAccounts platform;
    private static final String ADDRESS = "192.0.2.20";
    private static final String WRONG = "guess-guess-guess";
    private static final String CHOSEN = "Тихий-вечер-над-рекой";

    private final AccountsAndSignInTest.MovableClock clock =
            new AccountsAndSignInTest.MovableClock(Instant.parse("2026-02-01T06:00:00Z"));
    private final ThreadCallerContext callers = new ThreadCallerContext();
    private final RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy(callers);
    private final RecordingAudit audit = new RecordingAudit(callers);
    private MigratedDerby db;
    private CountingPasswords passwords;
    private StaffAuthentication authentication;
    private StaffAccounts accounts;

    @BeforeEach
    void start() throws Exception {
        db = new MigratedDerby("lockout-test");
        passwords = new CountingPasswords(SignInServices.keys(), 0);
        platform = SignInServices.noAdministrators(passwords);
        SignInServices node = new SignInServices(db.dataSource(), Map.of(), passwords, platform, REGISTRY, audit,
                callers, clock);
        authentication = node.authentication;
        accounts = node.accounts;
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void aFailureCheckedBeforeTheLockCannotEraseIt() throws Exception {
        IssuedCredentials issued = issue("org-stale");
        passwords.hold("slow-wrong-password");
        CompletableFuture<Throwable> slow = CompletableFuture.supplyAsync(() -> refusal(
                () -> authentication.login("org-stale", "slow-wrong-password".toCharArray(), ADDRESS)));
        passwords.awaitHeldCheck();

        TooManyRequestsException locked = null;
        for (int i = 0; i < 5 && locked == null; i++) {
            Throwable refused = refusal(() -> authentication.login("org-stale", WRONG.toCharArray(), ADDRESS));
            locked = refused instanceof TooManyRequestsException tooMany ? tooMany : null;
        }
        assertNotNull(locked, "the login is locked while the slow check still runs");
        passwords.letGo();
        assertTrue(slow.get(10, TimeUnit.SECONDS) instanceof RuntimeException);

        assertThrows(TooManyRequestsException.class,
                () -> authentication.login("org-stale", issued.oneTimePassword().toCharArray(), ADDRESS),
                "the slow failure written after the lock left the lock in place");
        assertEquals(5, passwords.checks.get(), "the attempt count includes the slow one");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        authentication.login("org-stale", issued.oneTimePassword().toCharArray(), ADDRESS);
    }

    @Test
    void anAttemptOverTheLimitWhileOthersAreStillCheckedWaitsSecondsNotTheWindow() throws Exception {
        IssuedCredentials issued = issue("org-busy");
        StaffAuthentication oneAttempt = new SignInServices(db.dataSource(), Map.of("lockout_failures", 1), passwords,
                platform, REGISTRY, audit, callers, clock).authentication;
        passwords.hold(issued.oneTimePassword());
        CompletableFuture<Session> first = CompletableFuture.supplyAsync(() -> oneAttempt.login("org-busy",
                issued.oneTimePassword().toCharArray(), ADDRESS));
        passwords.awaitHeldCheck();
        TooManyRequestsException pending = assertThrows(TooManyRequestsException.class,
                () -> oneAttempt.login("org-busy", issued.oneTimePassword().toCharArray(), ADDRESS));
        assertEquals(10, pending.retryAfterSeconds(), "the only attempt allowed is still being checked");
        assertEquals(1, passwords.checks.get());
        passwords.letGo();
        assertNotNull(first.get(10, TimeUnit.SECONDS), "the right password checked within the limit signs in");
        oneAttempt.login("org-busy", issued.oneTimePassword().toCharArray(), ADDRESS);
    }

    @Test
    void aLockedLoginIsRefusedWithoutCheckingThePassword() {
        IssuedCredentials issued = issue("org-lock");
        for (int i = 0; i < 4; i++) {
            assertThrows(AuthenticationException.class,
                    () -> authentication.login("org-lock", WRONG.toCharArray(), ADDRESS));
        }
        assertThrows(TooManyRequestsException.class,
                () -> authentication.login("org-lock", WRONG.toCharArray(), ADDRESS));
        int checked = passwords.checks.get();
        clock.advance(Duration.ofMinutes(14));
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class,
                () -> authentication.login("org-lock", issued.oneTimePassword().toCharArray(), ADDRESS));
        assertEquals(60, refused.retryAfterSeconds());
        assertEquals(checked, passwords.checks.get(), "no password is checked while locked");
        assertThrows(TooManyRequestsException.class, () -> authentication.authenticate("org-lock",
                issued.oneTimePassword().toCharArray(), "198.51.100.7"), "nor per request, from anywhere");
        clock.advance(Duration.ofMinutes(1));
        authentication.login("org-lock", issued.oneTimePassword().toCharArray(), ADDRESS);
        assertNull(asAdmin(() -> accounts.account("org-lock")).lockedUntil());
    }

    @Test
    void oneAccountThatKnowsItsPasswordDoesNotClearItsAddressForOthers() {
        IssuedCredentials issued = issue("org-known");
        for (int i = 0; i < 29; i++) {
            String login = "ghost-" + i;
            assertThrows(AuthenticationException.class,
                    () -> authentication.login(login, WRONG.toCharArray(), ADDRESS));
        }
        authentication.login("org-known", issued.oneTimePassword().toCharArray(), ADDRESS);
        assertThrows(TooManyRequestsException.class,
                () -> authentication.login("ghost-29", WRONG.toCharArray(), ADDRESS),
                "the 30th failure from the address locks it, the success in between did not reset it");
        assertThrows(TooManyRequestsException.class,
                () -> authentication.login("org-known", issued.oneTimePassword().toCharArray(), ADDRESS));
        authentication.login("org-known", issued.oneTimePassword().toCharArray(), "198.51.100.7");
    }

    @Test
    void aRefusedSignInRecordsTheTypedLoginAsAnAttemptNotAsTheActor() {
        issue("org-audit");
        callers.runAs(Caller.anonymous(ADDRESS), () -> assertThrows(AuthenticationException.class,
                () -> authentication.login("org-audit", WRONG.toCharArray(), ADDRESS)));
        AuditEntry refused = audit.entries.stream().filter(e -> e.action().equals("auth.login")
                && e.outcome() == AuditOutcome.DENIED).findFirst().orElseThrow();
        assertNull(refused.actor(), "the actor is the anonymous caller, not the account typed");
        assertEquals("ANONYMOUS", refused.actorKind());
        assertEquals(ADDRESS, refused.address());
        assertEquals("org-audit", refused.after().get("attemptedLogin"));
        assertEquals("wrong-password", refused.after().get("reason"));

        callers.runAs(Caller.anonymous(ADDRESS), () -> assertThrows(AuthenticationException.class,
                () -> authentication.login("x\u0000y" + "z".repeat(200), WRONG.toCharArray(), ADDRESS)));
        String typed = audit.entries.get(audit.entries.size() - 1).after().get("attemptedLogin");
        assertTrue(typed.startsWith("x?yz") && typed.length() == 65, "shortened and printable: " + typed);
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionInsteadOfGrantingItFullRights() {
        IssuedCredentials issued = issue("org-two");
        char[] oneTime = issued.oneTimePassword().toCharArray();
        Session changing = authentication.login("org-two", oneTime, ADDRESS);
        Session other = authentication.login("org-two", oneTime, "198.51.100.7");
        assertTrue(authentication.authenticate("org-two", oneTime, ADDRESS).passwordChangeRequired());

        callers.runAs(changing.caller(), () -> accounts.changePassword(oneTime, CHOSEN.toCharArray(),
                changing.token()));

        assertTrue(authentication.session(other.token(), "198.51.100.7").isEmpty(),
                "the other session ended, it did not gain the new rights");
        Caller kept = authentication.session(changing.token(), ADDRESS).orElseThrow().caller();
        assertFalse(kept.passwordChangeRequired(), "the session that changed it goes on with full rights");
        assertFalse(policy.permissions(kept).isEmpty());
        assertThrows(AuthenticationException.class, () -> authentication.authenticate("org-two", oneTime, ADDRESS),
                "the remembered one-time password of a script is forgotten");
        assertEquals("1", audit.entries.stream().filter(e -> e.action().equals("auth.password-changed")
                && e.outcome() == AuditOutcome.SUCCESS).findFirst().orElseThrow().after().get("sessionsEnded"));
    }

    @Test
    void aPasswordChangeWithoutASessionAndAResetEndEverySession() {
        IssuedCredentials issued = issue("org-all");
        char[] oneTime = issued.oneTimePassword().toCharArray();
        Session first = authentication.login("org-all", oneTime, ADDRESS);
        Caller script = authentication.authenticate("org-all", oneTime, ADDRESS);
        callers.runAs(script, () -> accounts.changePassword(oneTime, CHOSEN.toCharArray(), null));
        assertTrue(authentication.session(first.token(), ADDRESS).isEmpty());

        Session second = authentication.login("org-all", CHOSEN.toCharArray(), ADDRESS);
        asAdmin(() -> accounts.resetPassword("org-all"));
        assertTrue(authentication.session(second.token(), ADDRESS).isEmpty());
        assertThrows(AuthenticationException.class,
                () -> authentication.authenticate("org-all", CHOSEN.toCharArray(), ADDRESS));
    }

    @Test
    void aPasswordResetWhileTheOldOneIsCheckedWinsOverTheCheck() throws Exception {
        String first = issue("org-race").oneTimePassword();
        passwords.hold(first);
        CompletableFuture<Throwable> basic = CompletableFuture.supplyAsync(() -> refusal(
                () -> authentication.authenticate("org-race", first.toCharArray(), ADDRESS)));
        passwords.awaitHeldCheck();
        asAdmin(() -> accounts.resetPassword("org-race"));
        passwords.letGo();
        assertTrue(basic.get(10, TimeUnit.SECONDS) instanceof AuthenticationException,
                "the check of a password replaced meanwhile does not count");
        assertThrows(AuthenticationException.class,
                () -> authentication.authenticate("org-race", first.toCharArray(), ADDRESS),
                "nor is it remembered for later requests");

        String second = asAdmin(() -> accounts.takeCredentials("org-race")).oneTimePassword();
        passwords.hold(second);
        CompletableFuture<Throwable> login = CompletableFuture.supplyAsync(() -> refusal(
                () -> authentication.login("org-race", second.toCharArray(), ADDRESS)));
        passwords.awaitHeldCheck();
        asAdmin(() -> accounts.resetPassword("org-race"));
        passwords.letGo();
        assertTrue(login.get(10, TimeUnit.SECONDS) instanceof AuthenticationException,
                "no session is opened with a password replaced during its check");
        assertEquals(0, db.count("SELECT COUNT(*) FROM staff_session"));
    }

    @Test
    void theCurrentPasswordOfAChangeIsThrottledLikeASignIn() {
        IssuedCredentials issued = issue("org-change");
        char[] oneTime = issued.oneTimePassword().toCharArray();
        Session session = authentication.login("org-change", oneTime, ADDRESS);
        int before = passwords.checks.get();
        Caller caller = session.caller();
        List<Throwable> refusals = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            refusals.add(callers.callAs(caller, () -> refusal(() -> accounts.changePassword(WRONG.toCharArray(),
                    CHOSEN.toCharArray(), session.token()))));
        }
        assertEquals(5, passwords.checks.get() - before, "only the limit of current passwords was checked");
        assertEquals(4, refusals.stream().filter(AuthenticationException.class::isInstance).count());
        TooManyRequestsException last = (TooManyRequestsException) refusals.get(7);
        assertEquals(15 * 60, last.retryAfterSeconds());
        assertThrows(TooManyRequestsException.class, () -> callers.runAs(caller,
                () -> accounts.changePassword(oneTime, CHOSEN.toCharArray(), session.token())),
                "the right current password is refused while locked");
        assertThrows(TooManyRequestsException.class, () -> authentication.login("org-change", oneTime, ADDRESS),
                "and so is signing in again");
        assertTrue(audit.entries.stream().anyMatch(e -> e.action().equals("auth.password-changed")
                && e.outcome() == AuditOutcome.DENIED && "locked".equals(e.after().get("reason"))));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        callers.runAs(caller, () -> accounts.changePassword(oneTime, CHOSEN.toCharArray(), session.token()));
        authentication.login("org-change", CHOSEN.toCharArray(), ADDRESS);
    }

    private IssuedCredentials issue(String login) {
        asAdmin(() -> accounts.issue(new AccountDraft(login, "Иванова И. И.",
                List.of(new RoleGrant(Role.RESPONSIBLE_ORGANIZER, Scope.school("01001"))))));
        return asAdmin(() -> accounts.takeCredentials(login));
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return callers.callAs(Caller.platformAdministrator("admin", ADDRESS), work);
    }

    private static Throwable refusal(Runnable attempt) {
        try {
            attempt.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
