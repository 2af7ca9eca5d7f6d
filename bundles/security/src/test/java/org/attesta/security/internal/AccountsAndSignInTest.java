package org.attesta.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attesta.api.common.AccessDeniedException;
import org.attesta.api.common.AuthenticationException;
import org.attesta.api.common.ConflictException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.PageRequest;
import org.attesta.api.common.TooManyRequestsException;
import org.attesta.api.security.Account;
import org.attesta.api.security.AccountDraft;
import org.attesta.api.security.AccountQuery;
import org.attesta.api.security.AccountState;
import org.attesta.api.security.BulkIssueRequest;
import org.attesta.api.security.BulkIssueResult;
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

/** Accounts and sign-in on the real schema (in-memory Derby), with a clock the test moves. */
class AccountsAndSignInTest {
    private static final String ADDRESS = "192.0.2.10";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-02-01T06:00:00Z"));
    private final ThreadCallerContext callers = new ThreadCallerContext();
    private final RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy(callers);
    private final RecordingAudit audit = new RecordingAudit(callers);
    private final SmallRegistry registry = new SmallRegistry();
    private MigratedDerby db;
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path etc;
    private StaffAuthentication authentication;
    private StaffAccounts accounts;

    @BeforeEach
    void start() throws Exception {
        db = new MigratedDerby("security-test");
        Passwords passwords = SignInServices.passwords();
        PlatformAccounts platform = new PlatformAccounts(etc.resolve("users.properties"), Set.of("admin"), passwords);
        SignInServices node = new SignInServices(db.dataSource(), Map.of(), passwords, platform, registry, audit,
                callers, clock);
        authentication = node.authentication;
        accounts = node.accounts;
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return callers.callAs(Caller.platformAdministrator("admin", ADDRESS), work);
    }

    private IssuedCredentials issueOrganizer(String login, String school) {
        asAdmin(() -> accounts.issue(new AccountDraft(login, "Иванова И. И.",
                List.of(new RoleGrant(Role.RESPONSIBLE_ORGANIZER, Scope.school(school))))));
        return asAdmin(() -> accounts.takeCredentials(login));
    }

    @Test
    void anIssuedAccountSignsInOnceWithItsOneTimePasswordAndMustChangeIt() {
        IssuedCredentials issued = issueOrganizer("Org.01001", "01001");
        assertEquals("org.01001", issued.login(), "logins are kept in lower case");
        assertEquals("credentials-taken", assertThrows(ConflictException.class,
                () -> asAdmin(() -> accounts.takeCredentials("org.01001"))).type(), "the password is shown once");

        Session session = authentication.login("ORG.01001", issued.oneTimePassword().toCharArray(), ADDRESS);
        assertTrue(session.caller().passwordChangeRequired());
        assertTrue(policy.permissions(session.caller()).isEmpty(), "nothing is allowed before the change");

        callers.runAs(session.caller(), () -> {
            assertEquals("weak-password", assertThrows(InvalidInputException.class, () -> accounts.changePassword(
                    issued.oneTimePassword().toCharArray(), "short".toCharArray())).type());
            assertThrows(AuthenticationException.class, () -> accounts.changePassword("wrong".toCharArray(),
                    "Тихий-вечер-над-рекой".toCharArray()));
            accounts.changePassword(issued.oneTimePassword().toCharArray(), "Тихий-вечер-над-рекой".toCharArray(),
                    session.token());
        });
        Caller now = authentication.session(session.token(), ADDRESS).orElseThrow().caller();
        assertFalse(now.passwordChangeRequired(), "the open session sees the change at once");
        assertThrows(AuthenticationException.class,
                () -> authentication.login("org.01001", issued.oneTimePassword().toCharArray(), ADDRESS));
        Session second = authentication.login("org.01001", "Тихий-вечер-над-рекой".toCharArray(), ADDRESS);
        assertNotEquals(session.token(), second.token());
        assertTrue(audit.actions().contains("account.credentials-viewed:SUCCESS"));
        assertTrue(audit.entries.stream().anyMatch(e -> e.action().equals("auth.login") && e.actor().equals("org.01001")
                && e.actorKind().equals("STAFF") && ADDRESS.equals(e.address())), "a login is recorded as its account");
        assertTrue(audit.actions().contains("auth.password-changed:SUCCESS"));
    }

    @Test
    void repeatedFailuresLockTheLoginEvenForTheRightPassword() {
        IssuedCredentials issued = issueOrganizer("org-a", "01001");
        for (int i = 0; i < 4; i++) {
            assertThrows(AuthenticationException.class,
                    () -> authentication.login("org-a", "guess-guess-guess".toCharArray(), ADDRESS));
        }
        TooManyRequestsException locked = assertThrows(TooManyRequestsException.class,
                () -> authentication.login("org-a", "guess-guess-guess".toCharArray(), ADDRESS));
        assertEquals(15 * 60, locked.retryAfterSeconds());
        clock.advance(Duration.ofMinutes(5));
        TooManyRequestsException still = assertThrows(TooManyRequestsException.class,
                () -> authentication.login("org-a", issued.oneTimePassword().toCharArray(), ADDRESS));
        assertEquals(10 * 60, still.retryAfterSeconds());
        assertTrue(asAdmin(() -> accounts.account("org-a")).lockedUntil() != null);
        clock.advance(Duration.ofMinutes(11));
        authentication.login("org-a", issued.oneTimePassword().toCharArray(), ADDRESS);
        assertEquals(6, audit.entries.stream().filter(e -> e.action().equals("auth.login")
                && e.outcome() == org.attesta.api.audit.AuditOutcome.DENIED).count());
    }

    @Test
    void anUnknownLoginFailsLikeAWrongPassword() {
        AuthenticationException unknown = assertThrows(AuthenticationException.class,
                () -> authentication.login("nobody", "whatever-whatever".toCharArray(), ADDRESS));
        issueOrganizer("org-b", "01001");
        AuthenticationException wrong = assertThrows(AuthenticationException.class,
                () -> authentication.login("org-b", "whatever-whatever".toCharArray(), ADDRESS));
        assertEquals(unknown.getMessage(), wrong.getMessage());
        assertEquals(unknown.type(), wrong.type());
    }

    @Test
    void sessionsEndWhenIdleAtTheAbsoluteLimitAndOnLogout() {
        IssuedCredentials issued = issueOrganizer("org-c", "01001");
        Session session = authentication.login("org-c", issued.oneTimePassword().toCharArray(), ADDRESS);
        clock.advance(Duration.ofMinutes(29));
        assertTrue(authentication.session(session.token(), ADDRESS).isPresent());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(authentication.session(session.token(), ADDRESS).isPresent(), "use renews the idle time");
        clock.advance(Duration.ofMinutes(31));
        assertTrue(authentication.session(session.token(), ADDRESS).isEmpty(), "idle too long");

        Session other = authentication.login("org-c", issued.oneTimePassword().toCharArray(), ADDRESS);
        for (int i = 0; i < 26; i++) {
            clock.advance(Duration.ofMinutes(28));
            authentication.session(other.token(), ADDRESS);
        }
        assertTrue(authentication.session(other.token(), ADDRESS).isEmpty(), "12 hours at most");

        Session third = authentication.login("org-c", issued.oneTimePassword().toCharArray(), ADDRESS);
        authentication.logout(third.token());
        assertTrue(authentication.session(third.token(), ADDRESS).isEmpty());
        assertTrue(authentication.session("forged-token-forged-token-forged", ADDRESS).isEmpty());
    }

    @Test
    void resetAndDisableEndSessionsAndAreAudited() {
        IssuedCredentials issued = issueOrganizer("org-d", "01001");
        Session session = authentication.login("org-d", issued.oneTimePassword().toCharArray(), ADDRESS);
        Account disabled = asAdmin(() -> accounts.disable("org-d"));
        assertEquals(AccountState.DISABLED, disabled.state());
        assertTrue(authentication.session(session.token(), ADDRESS).isEmpty());
        assertThrows(AuthenticationException.class,
                () -> authentication.login("org-d", issued.oneTimePassword().toCharArray(), ADDRESS));
        asAdmin(() -> accounts.enable("org-d"));
        Account reset = asAdmin(() -> accounts.resetPassword("org-d"));
        assertTrue(reset.credentialsPending());
        assertThrows(AuthenticationException.class,
                () -> authentication.login("org-d", issued.oneTimePassword().toCharArray(), ADDRESS));
        IssuedCredentials again = asAdmin(() -> accounts.takeCredentials("org-d"));
        assertNotEquals(issued.oneTimePassword(), again.oneTimePassword());
        authentication.login("org-d", again.oneTimePassword().toCharArray(), ADDRESS);
        assertTrue(audit.actions().containsAll(List.of("account.disabled:SUCCESS", "account.enabled:SUCCESS",
                "account.reset:SUCCESS")));
    }

    @Test
    void theRegionIssuesAccountsForEveryMunicipalityAndSchoolOnce() {
        BulkIssueRequest request = new BulkIssueRequest(Set.of(Role.MUNICIPAL_SPECIALIST,
                Role.RESPONSIBLE_ORGANIZER, Role.TECHNICAL_SPECIALIST), null);
        BulkIssueResult first = asAdmin(() -> accounts.issueForTerritory(request));
        assertEquals(new BulkIssueResult(2 + 4 * 2, 0), first);
        assertEquals(new BulkIssueResult(0, 10), asAdmin(() -> accounts.issueForTerritory(request)));
        Account mo = asAdmin(() -> accounts.account("mo-01"));
        assertEquals("Специалист МОУО: Заречный район", mo.displayName());
        assertEquals("Ответственный организатор: СОШ № 1",
                asAdmin(() -> accounts.account("oo-01001-org")).displayName());

        // The МОУО hands its schools' passwords on: it sees and prints only its own.
        Session moSession = changedSession("mo-01");
        List<IssuedCredentials> sheet = callers.callAs(moSession.caller(),
                () -> accounts.takePendingCredentials(null, null));
        assertEquals(List.of("oo-01001-org", "oo-01001-tech", "oo-01002-org", "oo-01002-tech"),
                sheet.stream().map(IssuedCredentials::login).sorted().toList());
        assertTrue(callers.callAs(moSession.caller(), () -> accounts.takePendingCredentials(null, null)).isEmpty(),
                "each password is handed over once");
        assertEquals(List.of("mo-01", "oo-01001-org", "oo-01001-tech", "oo-01002-org", "oo-01002-tech"),
                callers.callAs(moSession.caller(), () -> accounts.accounts(new AccountQuery(null, null, null, null,
                        null, PageRequest.first()))).items().stream().map(Account::login).toList(),
                "its own account and its schools' accounts, nothing of the other municipality");
    }

    @Test
    void nobodyActsOutsideTheirTerritoryOrGrantsMoreThanTheyHold() {
        asAdmin(() -> accounts.issueForTerritory(new BulkIssueRequest(Set.of(Role.MUNICIPAL_SPECIALIST,
                Role.RESPONSIBLE_ORGANIZER), null)));
        asAdmin(() -> accounts.issue(new AccountDraft("rcoi", "Администратор РЦОИ",
                List.of(new RoleGrant(Role.REGION_ADMINISTRATOR, Scope.region())))));
        Caller mo = changedSession("mo-01").caller();
        callers.runAs(mo, () -> {
            // An account outside the territory answers exactly as a login that does not exist.
            String unknown = assertThrows(NotFoundException.class, () -> accounts.account("oo-99999-org"))
                    .getMessage().replace("oo-99999-org", "");
            for (String foreign : List.of("oo-02001-org", "rcoi")) {
                assertEquals(unknown, assertThrows(NotFoundException.class, () -> accounts.account(foreign))
                        .getMessage().replace(foreign, ""));
                assertThrows(NotFoundException.class, () -> accounts.resetPassword(foreign));
                assertThrows(NotFoundException.class, () -> accounts.disable(foreign));
                assertThrows(NotFoundException.class, () -> accounts.takeCredentials(foreign));
            }
            assertThrows(AccessDeniedException.class, () -> accounts.issue(new AccountDraft("x-region", "X",
                    List.of(new RoleGrant(Role.REGION_OPERATOR, Scope.region())))));
            assertThrows(AccessDeniedException.class, () -> accounts.accounts(new AccountQuery(null, "02", null,
                    null, null, PageRequest.first())));
            assertThrows(AccessDeniedException.class, () -> accounts.takePendingCredentials("02", null));
            Account own = accounts.resetPassword("oo-01001-org");
            assertTrue(own.credentialsPending());
            assertEquals("own-account", assertThrows(ConflictException.class, () -> accounts.disable("mo-01")).type());
        });
        Caller organizer = changedSession("oo-01001-org").caller();
        callers.runAs(organizer, () -> assertThrows(AccessDeniedException.class,
                () -> accounts.accounts(new AccountQuery(null, null, null, null, null, PageRequest.first()))));
    }

    @Test
    void aDisplayNameWithAControlOrBidiCharacterIsRefusedNamingTheField() {
        asAdmin(() -> {
            for (String spoofed : List.of("Иванова\u202Eавонави", "Эксперт\u001B[2J", "Эксперт\n")) {
                InvalidInputException refused = assertThrows(InvalidInputException.class, () -> accounts.issue(
                        new AccountDraft("expert-bidi", spoofed, List.of(new RoleGrant(Role.EXPERT, Scope.region())))));
                assertEquals("displayName", refused.problems().get(0).column());
            }
            return null;
        });
    }

    @Test
    void badDraftsAreRefusedWithAReason() {
        asAdmin(() -> {
            assertThrows(InvalidInputException.class, () -> accounts.issue(new AccountDraft("a b", "X",
                    List.of(new RoleGrant(Role.EXPERT, Scope.region())))));
            assertThrows(InvalidInputException.class, () -> accounts.issue(new AccountDraft("<script>", "X",
                    List.of(new RoleGrant(Role.EXPERT, Scope.region())))));
            assertThrows(InvalidInputException.class, () -> accounts.issue(new AccountDraft("expert1", " ", List.of(
                    new RoleGrant(Role.EXPERT, Scope.region())))));
            assertThrows(InvalidInputException.class, () -> accounts.issue(new AccountDraft("expert1", "X", List.of())));
            assertEquals("unknown-scope", assertThrows(InvalidInputException.class, () -> accounts.issue(
                    new AccountDraft("expert1", "X", List.of(new RoleGrant(Role.EXPERT, Scope.school("99999"))))))
                    .type());
            accounts.issue(new AccountDraft("expert1", "Эксперт", List.of(new RoleGrant(Role.EXPERT, Scope.region()))));
            assertEquals("account-exists", assertThrows(ConflictException.class, () -> accounts.issue(
                    new AccountDraft("EXPERT1", "X", List.of(new RoleGrant(Role.EXPERT, Scope.region()))))).type());
            return null;
        });
    }

    /** Signs an issued account in and changes its one-time password. */
    private Session changedSession(String login) {
        IssuedCredentials issued = asAdmin(() -> accounts.account(login).credentialsPending()
                ? accounts.takeCredentials(login) : null);
        String oneTime = issued == null ? resetAndTake(login) : issued.oneTimePassword();
        Session first = authentication.login(login, oneTime.toCharArray(), ADDRESS);
        String chosen = "Новый-пароль-" + login.hashCode() + "-для-входа";
        callers.runAs(first.caller(), () -> accounts.changePassword(oneTime.toCharArray(), chosen.toCharArray()));
        return authentication.login(login, chosen.toCharArray(), ADDRESS);
    }

    private String resetAndTake(String login) {
        return asAdmin(() -> {
            accounts.resetPassword(login);
            return accounts.takeCredentials(login).oneTimePassword();
        });
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
