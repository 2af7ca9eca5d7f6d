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
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        SecureRandom random = new SecureRandom();
        passwords = new Passwords(Configs.of(Passwords.Config.class, Map.of()),
                new KeyRing(SecretKeys.of(random.generateSeed(32))));
        platform = new PlatformAccounts(users(), Set.of("admin", "karaf", "system"), passwords);
        Database database = new Database(db.dataSource());
        authentication = new StaffAuthentication(Configs.of(StaffAuthentication.Config.class, Map.of()), database,
                passwords, audit, callers, platform, random, clock);
        accounts = new StaffAccounts(database, passwords, policy, callers, new SmallRegistry(), audit, authentication,
                platform, clock);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private Path users() {
        return etc.resolve("users.properties");
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
            assertThrows(AuthenticationException.class,
                    () -> authentication.login("ops", staff.oneTimePassword().toCharArray(), ADDRESS),
                    "the colliding staff account never gets a session");
        }
        assertEquals(CallerKind.PLATFORM_ADMINISTRATOR, authentication.authenticate("ops",
                ADMIN_PASSWORD.toCharArray(), "192.0.2.21").kind(), "refusals of the staff login lock nothing");
    }

    @Test
    void staffLockoutDoesNotLockTheAdministratorOfTheSameName() {
        addAdministrator("ops");
        Database database = new Database(db.dataSource());
        LoginThrottle throttle = new LoginThrottle(new ThrottleSettings(1, java.time.Duration.ofMinutes(15),
                java.time.Duration.ofMinutes(15)), new ThrottleSettings(100, java.time.Duration.ofMinutes(15),
                java.time.Duration.ofMinutes(15)));
        database.inTransaction(connection -> throttle.fail(connection, "ops", ADDRESS, clock.instant()));
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
            assertEquals("ops", entry.actor());
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
}
