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
import org.attesta.api.registry.TerritoryDirectory;
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

    private static final String PLATFORM_OBJECT = "platform-administrator";
    private static final System.Logger LOG = System.getLogger(StaffAuthentication.class.getName());

    private final Database database;
    private final AccountStore accounts = new AccountStore();
    private final SessionStore sessions = new SessionStore();
    private final LoginThrottle throttle;
    private final Passwords passwords;
    private final AuditLog audit;
    private final CallerContext callers;
    private final TerritoryDirectory territories;
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
            @Reference CallerContext callers, @Reference TerritoryDirectory territories,
            @Reference PlatformAccounts platform) {
        this(config, new Database(dataSource), passwords, audit, callers, territories, platform, keys.random(),
                Clock.systemUTC());
    }

    StaffAuthentication(Config config, Database database, Passwords passwords, AuditLog audit, CallerContext callers,
            TerritoryDirectory territories, PlatformAccounts platform, SecureRandom random, Clock clock) {
        this.callers = callers;
        this.territories = territories;
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
            // Updating the account's row first makes a reset or password change that commits
            // meanwhile either come before (seen here, no session) or after (it ends this one).
            accounts.recordLogin(connection, account.id(), now);
            requireUnchanged(connection, account);
            sessions.insert(connection, id, token, csrf, account.id(), address, now, expires);
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
        long generation = verified.generation();
        Optional<Caller> remembered = verified.find(login, password).flatMap(entry -> stillValid(entry, address));
        if (remembered.isPresent()) {
            return remembered.get();
        }
        // The platform administrator's own login always means the administrator, so a staff
        // account can never take its place; a staff login that only differs in case is refused.
        PlatformAccounts.Standing standing = platform.standing(login);
        if (standing == PlatformAccounts.Standing.ADMINISTRATOR) {
            Caller administrator = administrator(checkPlatformAdministrator(login, password, address, "basic",
                    platformRoles), address);
            verified.remember(login, password, administrator, null, generation);
            return administrator;
        }
        if (standing == PlatformAccounts.Standing.LOOKALIKE) {
            throw refuseShadowing(login, password, address, "basic");
        }
        StoredAccount account = checkPassword(login, password, address, "basic");
        Caller caller = caller(account, address);
        verified.remember(login, password, caller, account.passwordHash(), generation);
        return caller;
    }

    /**
     * A remembered staff password still holds only while the account is active with the very hash that was
     * checked: a reset, disable or password change made on another node ends it at once, and the grants are
     * those of this request, not of the request that was remembered.
     */
    private Optional<Caller> stillValid(VerifiedPasswords.Remembered remembered, String address) {
        Caller caller = remembered.caller();
        if (caller.kind() != CallerKind.STAFF) {
            return Optional.of(Caller.platformAdministrator(caller.login(), address));
        }
        return database.inTransaction(connection -> accounts.find(connection, caller.login()))
                .filter(account -> account.state() == AccountState.ACTIVE
                        && account.passwordHash().equals(remembered.passwordHash()))
                .map(account -> caller(account, address));
    }
    @Override
    public Optional<Session> session(String token, String address) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<OpenSession> open = database.inTransaction(connection -> {
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
            return Optional.of(new OpenSession(row, account.get(), lastSeen));
        });
        // The caller's territory is looked up now, for this request, outside the session's transaction.
        return open.map(o -> new Session(o.row().id(), null, o.row().csrfToken(), caller(o.account(), address),
                earliest(o.lastSeen().plus(idle), o.row().expiresAt())));
    }

    private record OpenSession(SessionStore.Row row, StoredAccount account, Instant lastSeen) {
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
        LoginThrottle.Reservation attempt = reserve(login, address, via);
        Optional<StoredAccount> found;
        boolean right;
        try {
            found = database.inTransaction(connection -> accounts.find(connection, login));
            if (found.isEmpty()) {
                passwords.verifyNothing(password);
                right = false;
            } else {
                right = passwords.verify(password, found.get().passwordHash());
            }
        } catch (RuntimeException e) {
            release(attempt);
            throw e;
        }
        if (!right || found.get().state() != AccountState.ACTIVE) {
            String reason = found.isEmpty() ? "unknown-login" : right ? "disabled" : "wrong-password";
            throw failed(attempt, refused(login, via, reason));
        }
        StoredAccount checked = found.get();
        // Hashed before the transaction, so that no counter row stays locked for an Argon2id run.
        String rehashed = passwords.needsRehash(checked.passwordHash()) ? passwords.hash(password) : null;
        StoredAccount[] account = {checked};
        try {
            succeed(attempt, refused(login, via, "locked"), connection -> {
                requireUnchanged(connection, checked);
                if (rehashed != null) {
                    accounts.rehash(connection, checked.id(), rehashed);
                    account[0] = accounts.find(connection, checked.id()).orElseThrow();
                }
            });
        } catch (AuthenticationException e) {
            audit.record(refused(login, via, "password-changed"));
            throw e;
        }
        return account[0];
    }

    /**
     * The current-password check of a password change: counted and limited like a sign-in of
     * the same login from the same address, so a signed-in session cannot guess it faster.
     *
     * @throws AuthenticationException when the password is wrong
     * @throws TooManyRequestsException when the login or the address is locked
     */
    void checkCurrentPassword(StoredAccount account, char[] password, String address) {
        LoginThrottle.Reservation attempt = reserve(account.login(), address,
                passwordChangeRefused(account, "locked"));
        boolean right;
        try {
            right = passwords.verify(password, account.passwordHash());
        } catch (RuntimeException e) {
            release(attempt);
            throw e;
        }
        if (!right) {
            Instant lockedNow = database.inTransaction(connection -> throttle.fail(connection, attempt,
                    clock.instant()));
            audit.record(passwordChangeRefused(account, "wrong-password"));
            if (lockedNow != null) {
                throw lockedOut(lockedNow, clock.instant());
            }
            throw new AuthenticationException("wrong-password", "Текущий пароль указан неверно");
        }
        succeed(attempt, passwordChangeRefused(account, "locked"), connection -> { });
    }

    /**
     * Checks a platform administrator's password, throttled and audited like a staff sign-in but
     * counted under its own key, so failures of a staff login of the same name never lock the
     * administrator out. Used by HTTP Basic and by the Karaf realm (SSH, bin/client). The attempt
     * is recorded as the anonymous caller at the address, whatever thread it runs on.
     *
     * @param requiredRoles roles of which the administrator must hold one, or empty for any
     */
    PlatformAccounts.Administrator checkPlatformAdministrator(String login, char[] password, String address,
            String via, Set<String> requiredRoles) {
        PlatformAccounts.Administrator administrator = callers.callAs(Caller.anonymous(address),
                () -> checkPlatformPassword(login, password, address, via, requiredRoles));
        callers.runAs(Caller.platformAdministrator(administrator.login(), address), () -> audit.record(
                AuditEvent.success(AuditActions.LOGIN, PLATFORM_OBJECT, administrator.login()).withDetail(
                        Map.of("via", via, "identity", CallerKind.PLATFORM_ADMINISTRATOR.name()))));
        return administrator;
    }

    private PlatformAccounts.Administrator checkPlatformPassword(String login, char[] password, String address,
            String via, Set<String> requiredRoles) {
        AuditEvent locked = platformRefused(login, via, "locked");
        LoginThrottle.Reservation attempt = reserve(address, locked,
                connection -> throttle.reservePlatform(connection, login, address, clock.instant()));
        Optional<PlatformAccounts.Administrator> found;
        try {
            found = platform.verify(login, password);
        } catch (RuntimeException e) {
            release(attempt);
            throw e;
        }
        if (found.isEmpty()) {
            throw failed(attempt, platformRefused(login, via, "wrong-password-or-unknown"));
        }
        succeed(attempt, locked, connection -> { });
        if (!requiredRoles.isEmpty() && found.get().roles().stream().noneMatch(requiredRoles::contains)) {
            audit.record(platformRefused(login, via, "no-administrator-role"));
            throw new AuthenticationException("invalid-credentials", "Неверное имя пользователя или пароль");
        }
        return found.get();
    }

    private static Caller administrator(PlatformAccounts.Administrator administrator, String address) {
        return Caller.platformAdministrator(administrator.login(), address);
    }

    /**
     * A staff login that equals a platform administrator's but for case (or, for a session, the
     * administrator's own login): refused at the cost of a real check and counted like any failure
     * (under the staff key, never the administrator's); a staff account that collides, which older
     * versions could create, is reported once so it can be renamed.
     */
    private RuntimeException refuseShadowing(String login, char[] password, String address, String via) {
        AuditEvent refusal = platformRefused(login, via, "platform-login");
        LoginThrottle.Reservation attempt = reserve(login, address, refused(login, via, "locked"));
        passwords.verifyNothing(password);
        Optional<StoredAccount> staff = database.inTransaction(connection -> accounts.find(connection, login));
        if (staff.isPresent() && reportedShadows.add(staff.get().login())) {
            LOG.log(System.Logger.Level.WARNING, "Staff account {0} has the login of a platform administrator;"
                    + " its sign-in is refused. Rename it or disable it.", safeLogin(staff.get().login()));
        }
        return failed(attempt, refusal);
    }

    /** A refused administrator sign-in: an attempt (no actor), naming the login tried and the identity it named. */
    private static AuditEvent platformRefused(String login, String via, String reason) {
        return new AuditEvent(AuditActions.LOGIN, AuditOutcome.DENIED, PLATFORM_OBJECT, safeLogin(login), Map.of(),
                Map.of("via", via, "reason", reason, "attemptedLogin", safeLogin(login),
                        "identity", CallerKind.PLATFORM_ADMINISTRATOR.name()), null);
    }

    /**
     * A reset, disable or password change may have landed while the old password was being
     * checked: then the check proves nothing any more (and a rehash would bring the old one back).
     */
    private void requireUnchanged(java.sql.Connection connection, StoredAccount checked)
            throws java.sql.SQLException {
        Optional<StoredAccount> now = accounts.find(connection, checked.id());
        if (now.isEmpty() || now.get().state() != AccountState.ACTIVE
                || !now.get().passwordHash().equals(checked.passwordHash())) {
            throw new AuthenticationException("invalid-credentials", "Неверное имя пользователя или пароль");
        }
    }

    /** Work done in the transaction that records a successful check. */
    private interface AfterSuccess {
        void run(java.sql.Connection connection) throws java.sql.SQLException;
    }

    private LoginThrottle.Reservation reserve(String login, String address, String via) {
        return reserve(login, address, refused(login, via, "locked"));
    }

    /** Counts the attempt before any password is checked; refuses at once when over the limit. */
    private LoginThrottle.Reservation reserve(String login, String address, AuditEvent refusal) {
        return reserve(address, refusal, connection -> throttle.reserve(connection, login, address, clock.instant()));
    }

    private LoginThrottle.Reservation reserve(String address, AuditEvent refusal,
            Database.Work<LoginThrottle.Reservation> reservation) {
        Instant now = clock.instant();
        try {
            return database.inTransaction(reservation);
        } catch (LoginThrottle.Refused e) {
            audit.record(refusal);
            throw lockedOut(e.until(), now);
        }
    }

    /** Keeps the failed attempt counted, audits it and says why it failed. */
    private RuntimeException failed(LoginThrottle.Reservation attempt, AuditEvent refusal) {
        Instant now = clock.instant();
        Instant lockedNow = database.inTransaction(connection -> throttle.fail(connection, attempt, now));
        audit.record(refusal);
        if (lockedNow != null) {
            return lockedOut(lockedNow, now);
        }
        return new AuthenticationException("invalid-credentials", "Неверное имя пользователя или пароль");
    }

    /** Records the success, unless the login or address was locked while the password was checked. */
    private void succeed(LoginThrottle.Reservation attempt, AuditEvent refusal, AfterSuccess work) {
        Instant now = clock.instant();
        try {
            database.inTransaction(connection -> {
                throttle.succeed(connection, attempt, now);
                work.run(connection);
                return null;
            });
        } catch (LoginThrottle.Refused e) {
            audit.record(refusal);
            throw lockedOut(e.until(), now);
        }
    }

    private void release(LoginThrottle.Reservation attempt) {
        database.inTransaction(connection -> {
            throttle.release(connection, attempt);
            return null;
        });
    }

    /**
     * A refused sign-in is done by nobody yet: the entry's actor is the anonymous caller (with
     * its address), and the login as typed is only recorded as what was attempted.
     */
    /**
     * A refused staff sign-in: an attempt, with no actor (nobody has signed in), whose object is the login
     * tried, so that the attempts on one login can be searched; it names the kind of identity the login named.
     */
    private static AuditEvent refused(String login, String via, String reason) {
        String identity = "unknown-login".equals(reason) ? "UNKNOWN" : CallerKind.STAFF.name();
        return new AuditEvent(AuditActions.LOGIN, AuditOutcome.DENIED, "account", safeLogin(login), Map.of(),
                Map.of("via", via, "reason", reason, "attemptedLogin", safeLogin(login), "identity", identity), null);
    }

    private static AuditEvent passwordChangeRefused(StoredAccount account, String reason) {
        return AuditEvent.denied(AuditActions.PASSWORD_CHANGED, "account", account.login())
                .withDetail(Map.of("reason", reason));
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

    /** The account as a caller, its grants bound to where their schools and municipalities are now. */
    Caller caller(StoredAccount account, String address) {
        GrantPlaces places = GrantPlaces.ofGrants(territories, account.grants());
        return new Caller(CallerKind.STAFF, account.login(), account.displayName(),
                places.roleGrants(account.grants()), address, account.passwordChangeRequired());
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
