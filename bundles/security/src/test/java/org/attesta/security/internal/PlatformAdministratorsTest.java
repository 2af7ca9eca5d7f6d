package org.attesta.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.FailedLoginException;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.attesta.api.audit.AuditEntry;
import org.attesta.api.audit.AuditOutcome;
import org.attesta.api.common.AuthenticationException;
import org.attesta.api.common.ConflictException;
import org.attesta.api.common.TooManyRequestsException;
import org.attesta.api.security.AccountDraft;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerKind;
import org.attesta.api.security.IssuedCredentials;
import org.attesta.api.security.Role;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Scope;
import org.attesta.persistence.testing.MigratedDerby;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Platform administrators and staff accounts never stand in for each other; both are throttled and audited. */
class PlatformAdministratorsTest {
    private static final SmallRegistry REGISTRY = new SmallRegistry();
    private static final String ADDRESS = "192.0.2.20";
    private static final String ADMIN_PASSWORD = "platform-secret-1";

    @TempDir
    Path etc;

    private final AccountsAndSignInTest.MovableClock clock =
            new AccountsAndSignInTest.MovableClock(Instant.parse("2026-02-01T06:00:00Z"));
    private final ThreadCallerContext callers = new ThreadCallerContext();
    private final RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy(callers);
    private final RecordingAudit audit = new RecordingAudit(callers);
    private MigratedDerby db;
    private Passwords passwords;
    private PlatformAccounts platform;
    private StaffAuthentication authentication;
    private StaffAccounts accounts;

    @BeforeEach
    void start() throws Exception {
        db = new MigratedDerby("platform-test");
        passwords = SignInServices.passwords();
        platform = new PlatformAccounts(users(), etc.resolve("users.properties"), Set.of("admin", "karaf", "system"),
                passwords);
        SignInServices node = new SignInServices(db.dataSource(), Map.of(), passwords, platform, REGISTRY, audit,
                callers, clock);
        authentication = node.authentication;
        accounts = node.accounts;
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private Path users() {
        return etc.resolve("platform-administrators.properties");
    }

    private IssuedCredentials issue(String login) {
        return callers.callAs(Caller.system("test"), () -> {
            accounts.issue(new AccountDraft(login, "Петрова П. П.",
                    List.of(new RoleGrant(Role.RESPONSIBLE_ORGANIZER, Scope.school("01001")))));
            return accounts.takeCredentials(login);
        });
    }

    private void addAdministrator(String login) {
        assertTrue(platform.create(login, ADMIN_PASSWORD.toCharArray(), "admingroup", List.of("admin", "ssh")));
    }

    @Test
    void reservedAndExistingAdministratorLoginsCannotBeIssued() {
        addAdministrator("ops");
        for (String login : List.of("admin", "Karaf", "system", "ops", "OPS")) {
            ConflictException refused = assertThrows(ConflictException.class, () -> issue(login), login);
            assertEquals("reserved-login", refused.type());
            assertTrue(refused.getMessage().contains("зарезервировано"), refused.getMessage());
        }
        issue("org-ops");
    }

    @Test
    void bulkIssuanceRefusesALoginOfAnAdministrator() {
        addAdministrator("mo-01");
        ConflictException refused = assertThrows(ConflictException.class, () -> callers.callAs(Caller.system("test"),
                () -> accounts.issueForTerritory(new org.attesta.api.security.BulkIssueRequest(
                        Set.of(Role.MUNICIPAL_SPECIALIST), null))));
        assertEquals("reserved-login", refused.type());
        assertTrue(refused.getMessage().contains("mo-01"), refused.getMessage());
    }

    @Test
    void theRealmIsReadAtTheTimeOfTheCheck() {
        issue("late");
        addAdministrator("later");
        assertThrows(ConflictException.class, () -> issue("later"));
    }

    @Test
    void anOldStaffAccountWithTheAdministratorsLoginCannotHijackOrLockIt() {
        IssuedCredentials staff = issue("ops");
        addAdministrator("ops");

        Caller administrator = authentication.authenticate("ops", ADMIN_PASSWORD.toCharArray(), ADDRESS);
        assertEquals(CallerKind.PLATFORM_ADMINISTRATOR, administrator.kind(), "the administrator wins its own login");
        assertThrows(AuthenticationException.class,
                () -> authentication.authenticate("ops", staff.oneTimePassword().toCharArray(), ADDRESS));
        assertThrows(AuthenticationException.class,
                () -> authentication.authenticate("OPS", staff.oneTimePassword().toCharArray(), ADDRESS));
        for (int i = 0; i < 8; i++) {
            // Refused, and counted like any failure: after the limit the staff login is locked (429).
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> authentication.login("ops", staff.oneTimePassword().toCharArray(), ADDRESS),
                    "the colliding staff account never gets a session");
            assertTrue(refused instanceof AuthenticationException || refused instanceof TooManyRequestsException,
                    refused.toString());
        }
        assertEquals(CallerKind.PLATFORM_ADMINISTRATOR, authentication.authenticate("ops",
                ADMIN_PASSWORD.toCharArray(), ADDRESS).kind(), "refusals of the staff login lock nothing");
    }

    @Test
    void staffLockoutDoesNotLockTheAdministratorOfTheSameName() {
        addAdministrator("ops");
        Database database = new Database(db.dataSource());
        LoginThrottle throttle = new LoginThrottle(new ThrottleSettings(1, java.time.Duration.ofMinutes(15),
                java.time.Duration.ofMinutes(15)), new ThrottleSettings(100, java.time.Duration.ofMinutes(15),
                java.time.Duration.ofMinutes(15)));
        database.inTransaction(connection -> throttle.fail(connection,
                throttle.reserve(connection, "ops", ADDRESS, clock.instant()), clock.instant()));
        assertEquals(CallerKind.PLATFORM_ADMINISTRATOR,
                authentication.authenticate("ops", ADMIN_PASSWORD.toCharArray(), ADDRESS).kind());
    }

    @Test
    void wrongAdministratorPasswordsAreThrottledAndAuditedAsAttempts() {
        addAdministrator("ops");
        for (int i = 0; i < 4; i++) {
            assertThrows(AuthenticationException.class,
                    () -> authentication.authenticate("ops", ("wrong-" + Math.random()).toCharArray(), ADDRESS));
        }
        assertThrows(TooManyRequestsException.class,
                () -> authentication.authenticate("ops", "wrong-again".toCharArray(), ADDRESS));
        assertThrows(TooManyRequestsException.class,
                () -> authentication.authenticate("ops", ADMIN_PASSWORD.toCharArray(), ADDRESS),
                "locked even for the right password");
        List<AuditEntry> denied = audit.entries.stream().filter(e -> e.outcome() == AuditOutcome.DENIED).toList();
        assertEquals(6, denied.size());
        for (AuditEntry entry : denied) {
            assertEquals(null, entry.actor(), "an attempt has no actor");
            assertEquals("ops", entry.after().get("attemptedLogin"));
            assertEquals("ANONYMOUS", entry.actorKind(), "an attempt is not an act of the administrator");
            assertEquals(ADDRESS, entry.address());
            assertEquals("PLATFORM_ADMINISTRATOR", entry.after().get("identity"));
            assertEquals("platform-administrator", entry.objectType());
        }
        clock.advance(java.time.Duration.ofMinutes(16));
        authentication.authenticate("ops", ADMIN_PASSWORD.toCharArray(), ADDRESS);
        AuditEntry success = audit.entries.get(audit.entries.size() - 1);
        assertEquals(AuditOutcome.SUCCESS, success.outcome());
        assertEquals("PLATFORM_ADMINISTRATOR", success.actorKind());
    }

    @Test
    void staffRefusalsNameTheKindOfIdentityTried() {
        issue("org-x");
        assertThrows(AuthenticationException.class,
                () -> authentication.login("org-x", "wrong-wrong-wrong".toCharArray(), ADDRESS));
        assertThrows(AuthenticationException.class,
                () -> authentication.login("nobody", "wrong-wrong-wrong".toCharArray(), ADDRESS));
        List<AuditEntry> denied = audit.entries.stream().filter(e -> e.outcome() == AuditOutcome.DENIED).toList();
        assertEquals(List.of("STAFF", "UNKNOWN"), denied.stream().map(e -> e.after().get("identity")).toList());
    }

    @Test
    void aKarafSha512EntryWorksOnceAndIsReHashedWithArgon2id() throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                .digest(ADMIN_PASSWORD.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(users(), "admin = {CRYPT}" + sha.toUpperCase() + "{CRYPT},_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,ssh\n");

        assertFalse(platform.verify("admin", "wrong".toCharArray()).isPresent());
        PlatformAccounts.Administrator admin = platform.verify("admin", ADMIN_PASSWORD.toCharArray()).orElseThrow();
        assertEquals(Set.of("admin", "manager", "viewer", "ssh"), admin.roles());
        assertEquals(Set.of("admingroup"), admin.groups());

        String text = Files.readString(users());
        assertFalse(text.contains("{CRYPT}"), text);
        assertTrue(text.contains("$argon2id$"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users())));
        assertTrue(platform.verify("admin", ADMIN_PASSWORD.toCharArray()).isPresent(), "the new hash works");
        assertEquals(Set.of("admin", "manager", "viewer", "ssh"),
                platform.verify("admin", ADMIN_PASSWORD.toCharArray()).orElseThrow().roles());
    }

    @Test
    void karafsUsersAreMovedOutOfTheFileKarafsOwnRealmReads() throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                .digest(ADMIN_PASSWORD.getBytes(StandardCharsets.UTF_8)));
        Path karaf = Files.writeString(etc.resolve("users.properties"), "admin = {CRYPT}" + sha + "{CRYPT},_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,ssh\n");

        assertTrue(platform.moveKarafUsers());
        assertFalse(platform.moveKarafUsers(), "done once");
        String left = Files.readString(karaf);
        assertFalse(left.contains("admin ="), left);
        assertFalse(left.contains("{CRYPT}"), left);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(karaf)));
        assertEquals(Set.of("admin", "ssh"), platform.verify("admin", ADMIN_PASSWORD.toCharArray()).orElseThrow()
                .roles(), "the old SHA-512 password works once");
        assertFalse(Files.readString(users()).contains("{CRYPT}"), "and is then re-hashed");
    }

    @Test
    void aPlainPasswordTypedIntoTheFileIsReHashedAtFirstUse() throws Exception {
        Files.writeString(users(), "ops = typed-by-hand-1,admin\n");
        assertTrue(platform.verify("ops", "typed-by-hand-1".toCharArray()).isPresent());
        assertFalse(Files.readString(users()).contains("typed-by-hand-1"));
        assertEquals(Set.of("admin"), platform.verify("ops", "typed-by-hand-1".toCharArray()).orElseThrow().roles());
    }

    @Test
    void theFileKeepsArgon2idHashesWhoseParametersHoldCommas() throws Exception {
        addAdministrator("ops");
        UsersFile read = UsersFile.read(users());
        String credential = read.user("ops").orElseThrow().credential();
        assertTrue(credential.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), credential);
        assertEquals(List.of("_g_:admingroup"), read.user("ops").orElseThrow().memberships());
        assertEquals(Set.of("admin", "ssh"), read.roles("ops"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users())));
    }

    private PlatformLoginModule module(Subject subject, String login, String password) {
        PlatformLoginModule module = new PlatformLoginModule();
        PlatformLoginModule.SignIn signIn = (l, p, address, via) -> PlatformRealm.signIn(authentication, l, p,
                address, via);
        CallbackHandler handler = callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(login);
                } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
        module.initialize(subject, handler, Map.of(), Map.of(PlatformRealm.SIGN_IN_OPTION, signIn));
        return module;
    }

    private static Subject sshSubject() {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", "/192.0.2.40:50522"));
        return subject;
    }

    @Test
    void theKarafRealmSignsInWithRolesAndThrottlesAndAuditsSsh() throws Exception {
        addAdministrator("admin");
        Subject subject = sshSubject();
        PlatformLoginModule right = module(subject, "admin", ADMIN_PASSWORD);
        assertTrue(right.login());
        assertTrue(right.commit());
        assertEquals(Set.of("admin"), names(subject, UserPrincipal.class));
        assertEquals(Set.of("admingroup"), names(subject, GroupPrincipal.class));
        assertEquals(Set.of("admin", "ssh"), names(subject, RolePrincipal.class));
        AuditEntry signedIn = audit.entries.get(audit.entries.size() - 1);
        assertEquals("PLATFORM_ADMINISTRATOR", signedIn.actorKind());
        assertEquals("192.0.2.40", signedIn.address());
        assertEquals("ssh", signedIn.after().get("via"));

        for (int i = 0; i < 4; i++) {
            assertThrows(FailedLoginException.class, () -> module(sshSubject(), "admin", "wrong-one").login());
        }
        assertThrows(AccountLockedException.class, () -> module(sshSubject(), "admin", "wrong-one").login());
        assertThrows(AccountLockedException.class, () -> module(sshSubject(), "admin", ADMIN_PASSWORD).login());
        List<AuditEntry> denied = audit.entries.stream().filter(e -> e.outcome() == AuditOutcome.DENIED).toList();
        assertEquals(6, denied.size());
        assertTrue(denied.stream().allMatch(e -> e.actorKind().equals("ANONYMOUS") && e.actor() == null
                && "admin".equals(e.after().get("attemptedLogin"))
                && "192.0.2.40".equals(e.address()) && "ssh".equals(e.after().get("via"))), denied.toString());
        assertThrows(FailedLoginException.class, () -> module(sshSubject(), "nobody", "wrong-one").login());
        assertThrows(FailedLoginException.class, () -> module(sshSubject(), "x".repeat(300), "wrong-one").login(),
                "a login longer than the throttle key is refused like any other");
    }

    @Test
    void sshAddressesLoseTheirPort() {
        assertEquals("127.0.0.1", PlatformLoginModule.host("/127.0.0.1:50522"));
        assertEquals("0:0:0:0:0:0:0:1", PlatformLoginModule.host("/[0:0:0:0:0:0:0:1]:50522"));
        assertEquals("localhost", PlatformLoginModule.host("localhost"));
    }

    private static Set<String> names(Subject subject, Class<? extends java.security.Principal> type) {
        return subject.getPrincipals(type).stream().map(java.security.Principal::getName)
                .collect(java.util.stream.Collectors.toSet());
    }
}
