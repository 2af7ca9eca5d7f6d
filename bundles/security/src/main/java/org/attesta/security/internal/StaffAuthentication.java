package org.attesta.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.audit.AuditOutcome;
import org.attesta.api.common.AuthenticationException;
import org.attesta.api.common.TooManyRequestsException;
import org.attesta.api.security.AccountState;
import org.attesta.api.security.AuthenticationService;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;
import org.attesta.api.security.CallerKind;
import org.attesta.api.security.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Sign-in of staff accounts (sessions, or a password per request for scripts) and of Karaf
 * platform administrators (per request only). Failures are counted per login and per address
 * in the database and lock both for a while; every success and failure of a sign-in is audited.
 */
@Component(service = {AuthenticationService.class, StaffAuthentication.class},
        configurationPid = "org.attesta.security.sessions")
@Designate(ocd = StaffAuthentication.Config.class)
public class StaffAuthentication implements AuthenticationService {

    @ObjectClassDefinition(name = "Attesta sign-in and sessions")
    public @interface Config {
        @AttributeDefinition(description = "Minutes a session stays open without being used")
        int session_idle_minutes() default 30;

        @AttributeDefinition(description = "Hours after which a session ends however much it is used")
        int session_absolute_hours() default 12;

        @AttributeDefinition(description = "Failed logins of one login within the window that lock it")
        int lockout_failures() default 5;

        @AttributeDefinition(description = "Failed logins from one address within the window that lock the address")
        int lockout_address_failures() default 30;

        @AttributeDefinition(description = "Minutes in which failed logins are counted together")
        int lockout_window_minutes() default 15;

        @AttributeDefinition(description = "Minutes a locked login or address stays locked")
        int lockout_minutes() default 15;

        @AttributeDefinition(description = "Karaf roles that make a platform administrator")
        String[] platform_roles() default {"admin"};

        @AttributeDefinition(description = "Seconds a password checked for a script request (HTTP Basic) is remembered")
        int basic_cache_seconds() default 60;
    }

    private static final Duration TOUCH_EVERY = Duration.ofSeconds(60);
    /** Platform administrators are throttled under their own keys; a staff login cannot contain ':'. */
    static final String PLATFORM_THROTTLE_PREFIX = "platform:";
    private static final String PLATFORM_OBJECT = "platform-administrator";
    private static final System.Logger LOG = System.getLogger(StaffAuthentication.class.getName());

    private final Database database;
    private final AccountStore accounts = new AccountStore();
    private final SessionStore sessions = new SessionStore();
    private final LoginThrottle throttle;
    private final Passwords passwords;
    private final AuditLog audit;
    private final CallerContext callers;
    private final PlatformAccounts platform;
    private final Set<String> platformRoles;
    private final Set<String> reportedShadows = ConcurrentHashMap.newKeySet();
    private final VerifiedPasswords verified;
    private final Duration idle;
    private final Duration absolute;
    private final SecureRandom random;
    private final Clock clock;

    @Activate
    public StaffAuthentication(Config config,
            @Reference(target = "(osgi.jndi.service.name=attesta)") DataSource dataSource,
            @Reference Passwords passwords, @Reference AuditLog audit, @Reference KeyRing keys,
            @Reference CallerContext callers, @Reference PlatformAccounts platform) {
        this(config, new Database(dataSource), passwords, audit, callers, platform, keys.random(), Clock.systemUTC());
    }

    StaffAuthentication(Config config, Database database, Passwords passwords, AuditLog audit, CallerContext callers,
            PlatformAccounts platform, SecureRandom random, Clock clock) {
        this.callers = callers;
        this.database = database;
        this.passwords = passwords;
        this.audit = audit;
        this.platform = platform;
        this.platformRoles = Set.of(config.platform_roles());
        this.random = random;
        this.clock = clock;
        this.idle = Duration.ofMinutes(config.session_idle_minutes());
        this.absolute = Duration.ofHours(config.session_absolute_hours());
        Duration window = Duration.ofMinutes(config.lockout_window_minutes());
        Duration lockout = Duration.ofMinutes(config.lockout_minutes());
        this.throttle = new LoginThrottle(new ThrottleSettings(config.lockout_failures(), window, lockout),
                new ThrottleSettings(config.lockout_address_failures(), window, lockout));
        this.verified = new VerifiedPasswords(Duration.ofSeconds(config.basic_cache_seconds()), random, clock);
    }

    @Override
    public Session login(String login, char[] password, String address) {
        if (platform.shadows(login)) {
            // Sessions are for staff accounts only; a platform administrator's login never opens one.
            throw refuseShadowing(login, password, address, "session");
        }
        StoredAccount account = checkPassword(login, password, address, "session");
        Instant now = clock.instant();
        String token = randomToken();
        String csrf = randomToken();
        String id = UUID.randomUUID().toString();
        Instant expires = now.plus(absolute);
        database.inTransaction(connection -> {
            sessions.deleteExpired(connection, now, now.minus(idle));
            sessions.insert(connection, id, token, csrf, account.id(), address, now, expires);
            accounts.recordLogin(connection, account.id(), now);
            return null;
        });
        Caller caller = caller(account, address);
        // Recorded as the caller who has just signed in, so the entry says who (and what kind) it was.
        callers.runAs(caller, () -> audit.record(AuditEvent.success(AuditActions.LOGIN, "account", account.login())
                .withDetail(Map.of("via", "session", "session", id))));
        return new Session(id, token, csrf, caller, earliest(now.plus(idle), expires));
    }

    @Override
    public Caller authenticate(String login, char[] password, String address) {
        Optional<Caller> remembered = verified.find(login, password, address);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        Caller caller;
        // The platform administrator's own login always means the administrator, so a staff
        // account can never take its place; a staff login that only differs in case is refused.
        if (platform.exists(login)) {
            caller = administrator(checkPlatformAdministrator(login, password, address, "basic", platformRoles),
                    address);
        } else if (platform.shadows(login)) {
            throw refuseShadowing(login, password, address, "basic");
        } else {
            caller = caller(checkPassword(login, password, address, "basic"), address);
        }
        verified.remember(login, password, caller);
        return caller;
    }

    @Override
    public Optional<Session> session(String token, String address) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            Optional<SessionStore.Row> found = sessions.find(connection, token);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SessionStore.Row row = found.get();
            Optional<StoredAccount> account = accounts.find(connection, row.accountId());
            if (!now.isBefore(row.expiresAt()) || !now.isBefore(row.lastSeenAt().plus(idle)) || account.isEmpty()
                    || account.get().state() != AccountState.ACTIVE) {
                sessions.deleteById(connection, row.id());
                return Optional.empty();
            }
            if (Duration.between(row.lastSeenAt(), now).compareTo(TOUCH_EVERY) > 0) {
                sessions.touch(connection, row.id(), now);
            }
            Instant lastSeen = row.lastSeenAt().isAfter(now.minus(TOUCH_EVERY)) ? row.lastSeenAt() : now;
            return Optional.of(new Session(row.id(), null, row.csrfToken(), caller(account.get(), address),
                    earliest(lastSeen.plus(idle), row.expiresAt())));
        });
    }

    @Override
    public void logout(String token) {
        if (token == null) {
            return;
        }
        int ended = database.inTransaction(connection -> sessions.delete(connection, token));
        if (ended > 0) {
            audit.record(AuditEvent.success(AuditActions.LOGOUT, "session", null));
        }
    }

    /** Forgets remembered script passwords, after a reset, a disable or a password change. */
    void forgetVerified() {
        verified.clear();
    }

    private StoredAccount checkPassword(String login, char[] password, String address, String via) {
        Instant now = clock.instant();
        Instant locked = database.inTransaction(connection -> throttle.lockedUntil(connection, login, address, now));
        if (locked != null) {
            passwords.verifyNothing(password);
            audit.record(refused(login, via, "locked").byActor(safeLogin(login)));
            throw lockedOut(locked, now);
        }
        Optional<StoredAccount> found = database.inTransaction(connection -> accounts.find(connection, login));
        boolean right;
        if (found.isEmpty()) {
            passwords.verifyNothing(password);
            right = false;
        } else {
            right = passwords.verify(password, found.get().passwordHash());
        }
        if (!right || found.get().state() != AccountState.ACTIVE) {
            Instant lockedNow = database.inTransaction(connection -> throttle.fail(connection, login, address, now));
            audit.record(refused(login, via, found.isEmpty() ? "unknown-login"
                    : right ? "disabled" : "wrong-password").byActor(safeLogin(login)));
            if (lockedNow != null) {
                throw lockedOut(lockedNow, now);
            }
            throw new AuthenticationException("invalid-credentials", "Неверное имя пользователя или пароль");
        }
        StoredAccount account = found.get();
        database.inTransaction(connection -> {
            throttle.succeed(connection, login);
            if (passwords.needsRehash(account.passwordHash())) {
                accounts.rehash(connection, account.id(), passwords.hash(password));
            }
            return null;
        });
        return account;
    }

    /**
     * Checks a platform administrator's password, throttled and audited like a staff sign-in but
     * counted under its own key, so failures of a staff login of the same name never lock the
     * administrator out. Used by HTTP Basic and by the Karaf realm (SSH, bin/client).
     *
     * @param requiredRoles roles of which the administrator must hold one, or empty for any
     */
    PlatformAccounts.Administrator checkPlatformAdministrator(String login, char[] password, String address,
            String via, Set<String> requiredRoles) {
        Instant now = clock.instant();
        String key = platformKey(login);
        Instant locked = database.inTransaction(connection -> throttle.lockedUntil(connection, key, address, now));
        if (locked != null) {
            passwords.verifyNothing(password);
            recordAttempt(address, platformRefused(login, via, "locked"));
            throw lockedOut(locked, now);
        }
        Optional<PlatformAccounts.Administrator> found = platform.verify(login, password);
        if (found.isEmpty()) {
            Instant lockedNow = database.inTransaction(connection -> throttle.fail(connection, key, address, now));
            recordAttempt(address, platformRefused(login, via, "wrong-password-or-unknown"));
            if (lockedNow != null) {
                throw lockedOut(lockedNow, now);
            }
            throw new AuthenticationException("invalid-credentials", "Неверное имя пользователя или пароль");
        }
        database.inTransaction(connection -> {
            throttle.succeed(connection, key);
            return null;
        });
        PlatformAccounts.Administrator administrator = found.get();
        if (!requiredRoles.isEmpty() && administrator.roles().stream().noneMatch(requiredRoles::contains)) {
            recordAttempt(address, platformRefused(login, via, "no-administrator-role"));
            throw new AuthenticationException("invalid-credentials", "Неверное имя пользователя или пароль");
        }
        callers.runAs(Caller.platformAdministrator(login, address), () -> audit.record(AuditEvent.success(
                AuditActions.LOGIN, PLATFORM_OBJECT, login).withDetail(Map.of("via", via,
                        "identity", CallerKind.PLATFORM_ADMINISTRATOR.name()))));
        return administrator;
    }

    /**
     * The administrator's throttle key. SSH passes any login a stranger types; one too long for
     * the key column is counted under a digest of it instead of failing the attempt.
     */
    static String platformKey(String login) {
        String name = login == null ? "" : login;
        if (name.length() <= 64) {
            return PLATFORM_THROTTLE_PREFIX + name;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return PLATFORM_THROTTLE_PREFIX + "sha256:" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static Caller administrator(PlatformAccounts.Administrator administrator, String address) {
        return Caller.platformAdministrator(administrator.login(), address);
    }

    /**
     * A staff login that equals a platform administrator's but for case (or, for a session, the
     * administrator's own login): refused at the cost of a real check, and a staff account that
     * collides, which older versions could create, is reported once so it can be renamed.
     */
    private AuthenticationException refuseShadowing(String login, char[] password, String address, String via) {
        Instant now = clock.instant();
        passwords.verifyNothing(password);
        Optional<StoredAccount> staff = database.inTransaction(connection -> accounts.find(connection, login));
        // Counted like any failure (under the staff key, never the administrator's): the address
        // is throttled, and the answer takes the same work as a wrong password.
        database.inTransaction(connection -> throttle.fail(connection, login, address, now));
        if (staff.isPresent() && reportedShadows.add(staff.get().login())) {
            LOG.log(System.Logger.Level.WARNING, "Staff account {0} has the login of a platform administrator;"
                    + " its sign-in is refused. Rename it or disable it.", safeLogin(staff.get().login()));
        }
        recordAttempt(address, new AuditEvent(AuditActions.LOGIN, AuditOutcome.DENIED, PLATFORM_OBJECT,
                safeLogin(login), Map.of(), Map.of("via", via, "reason", "platform-login",
                        "identity", CallerKind.PLATFORM_ADMINISTRATOR.name()), null).byActor(safeLogin(login)));
        return new AuthenticationException("invalid-credentials", "Неверное имя пользователя или пароль");
    }

    /** An attempt is nobody's act yet: recorded as anonymous, from its address, naming the login tried. */
    private void recordAttempt(String address, AuditEvent event) {
        callers.runAs(Caller.anonymous(address), () -> audit.record(event));
    }

    private static AuditEvent platformRefused(String login, String via, String reason) {
        return new AuditEvent(AuditActions.LOGIN, AuditOutcome.DENIED, PLATFORM_OBJECT, safeLogin(login), Map.of(),
                Map.of("via", via, "reason", reason, "identity", CallerKind.PLATFORM_ADMINISTRATOR.name()), null)
                .byActor(safeLogin(login));
    }

    private static AuditEvent refused(String login, String via, String reason) {
        String identity = "unknown-login".equals(reason) ? "UNKNOWN" : CallerKind.STAFF.name();
        return new AuditEvent(AuditActions.LOGIN, AuditOutcome.DENIED, "account", safeLogin(login), Map.of(),
                Map.of("via", via, "reason", reason, "identity", identity), null);
    }

    /** Logins are typed by strangers too: keep what is recorded short and printable. */
    private static String safeLogin(String login) {
        if (login == null) {
            return "";
        }
        String printable = login.strip().replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
    }

    private static TooManyRequestsException lockedOut(Instant until, Instant now) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        long minutes = (seconds + 59) / 60;
        return new TooManyRequestsException("too-many-attempts", "Слишком много неудачных попыток входа. "
                + "Вход временно заблокирован, повторите через " + minutes + " мин.", seconds);
    }

    static Caller caller(StoredAccount account, String address) {
        return new Caller(CallerKind.STAFF, account.login(), account.displayName(), account.roleGrants(), address,
                account.passwordChangeRequired());
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
