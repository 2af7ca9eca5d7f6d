package org.attesta.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Sign-in attempts in the database, shared by every node: one counter per login and one per
 * network address. An attempt is counted before its password is checked, by one conditional
 * update that the database serialises on the counter's row, so parallel attempts on one node
 * or on many can never check more passwords than the limit allows. A failed check keeps its
 * attempt; when the counter is at the limit the key is locked, and while it is locked even
 * the right password is refused. Only the lock's end, a success on the login (when it is not
 * locked) or an administrator's reset or enable clears a lock: no write here ever lowers one.
 *
 * <p>The column {@code failures} holds the attempts of the current window that have not been
 * given back: failed ones and the ones still being checked.
 */
final class LoginThrottle {
    private static final int INSERT_RACES = 5;
    /** About the longest a password check takes, waiting for its turn included (Passwords). */
    private static final Duration CHECK_PENDING = Duration.ofSeconds(10);
    /** throttle_key is VARCHAR(120); a hashed key ("address:#" and 64 hex digits) is shorter. */
    private static final int MAX_PLAIN_KEY = 100;

    private final ThrottleSettings perLogin;
    private final ThrottleSettings perAddress;

    LoginThrottle(ThrottleSettings perLogin, ThrottleSettings perAddress) {
        this.perLogin = perLogin;
        this.perAddress = perAddress;
    }

    /** An attempt counted on both keys, with the windows it was counted in. */
    record Reservation(String loginKey, Timestamp loginWindow, String addressKey, Timestamp addressWindow) {
    }

    /** An attempt refused without a check because a key is over its limit, until the given time. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Instant until;

        Refused(Instant until) {
            super("attempt refused", null, false, false);
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }

    static String loginKey(String login) {
        return key("login:", login == null ? "" : login.strip().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return key("address:", address == null ? "unknown" : address);
    }

    /** Anything typed fits the key column: a value too long for it is counted under its SHA-256. */
    private static String key(String prefix, String value) {
        if (prefix.length() + value.length() <= MAX_PLAIN_KEY) {
            return prefix + value;
        }
        return prefix + "#" + SessionStore.hash(value);
    }

    /**
     * Counts one attempt for the login and for the address. The login's row is always taken
     * first, so two attempts never wait on each other's rows in opposite order.
     *
     * @throws Refused when either key is locked or already has its limit of attempts; the
     *     caller's transaction must then be rolled back so that nothing is counted
     */
    Reservation reserve(Connection connection, String login, String address, Instant now) throws SQLException {
        return reserveKeys(connection, loginKey(login), address, now);
    }

    /**
     * Like {@link #reserve}, for a platform administrator: under a key of its own, so that failures of a staff
     * login of the same name never lock the administrator out (a staff login cannot contain ':').
     */
    Reservation reservePlatform(Connection connection, String login, String address, Instant now)
            throws SQLException {
        return reserveKeys(connection, platformKey(login), address, now);
    }

    private Reservation reserveKeys(Connection connection, String byLogin, String address, Instant now)
            throws SQLException {
        String byAddress = addressKey(address);
        Timestamp loginWindow = reserve(connection, byLogin, perLogin, now);
        Timestamp addressWindow = reserve(connection, byAddress, perAddress, now);
        return new Reservation(byLogin, loginWindow, byAddress, addressWindow);
    }

    /** Karaf logins are case-sensitive, so the administrator's key keeps the case as typed. */
    static String platformKey(String login) {
        return key("platform:", login == null ? "" : login);
    }

    /**
     * A failed check keeps its attempt; a key whose window holds the limit is locked now,
     * unless it already is (a lock is never moved).
     *
     * @return the end of a lock on either key, or null when neither is locked
     */
    Instant fail(Connection connection, Reservation attempt, Instant now) throws SQLException {
        lockIfFull(connection, attempt.loginKey(), attempt.loginWindow(), perLogin, now);
        lockIfFull(connection, attempt.addressKey(), attempt.addressWindow(), perAddress, now);
        return lockedUntil(connection, attempt, now);
    }

    /**
     * A right password clears the login's counter, unless the login was locked while the
     * password was checked. The address only gets this attempt back: its other failures stay,
     * so that one account that knows its password cannot wipe out what was tried from the
     * same address against other logins.
     *
     * @throws Refused when the login or the address is locked; roll back
     */
    void succeed(Connection connection, Reservation attempt, Instant now) throws SQLException {
        Database.update(connection, "DELETE FROM login_throttle WHERE throttle_key = ?"
                + " AND (locked_until IS NULL OR locked_until <= ?)", attempt.loginKey(), now);
        giveBack(connection, attempt.addressKey(), attempt.addressWindow());
        Instant locked = lockedUntil(connection, attempt, now);
        if (locked != null) {
            throw new Refused(locked);
        }
    }

    /** Gives the attempt back on both keys, when its password could not be checked at all. */
    void release(Connection connection, Reservation attempt) throws SQLException {
        giveBack(connection, attempt.loginKey(), attempt.loginWindow());
        giveBack(connection, attempt.addressKey(), attempt.addressWindow());
    }

    /** An administrator's reset or enable: the login starts afresh. */
    void clear(Connection connection, String login) throws SQLException {
        Database.update(connection, "DELETE FROM login_throttle WHERE throttle_key = ?", loginKey(login));
    }

    Instant lockedUntil(Connection connection, String key, Instant now) throws SQLException {
        try (PreparedStatement statement = Database.prepare(connection,
                "SELECT locked_until FROM login_throttle WHERE throttle_key = ?", List.of(key));
                ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            Timestamp until = row.getTimestamp(1);
            return until == null || !until.toInstant().isAfter(now) ? null : until.toInstant();
        }
    }

    private Instant lockedUntil(Connection connection, Reservation attempt, Instant now) throws SQLException {
        return later(lockedUntil(connection, attempt.loginKey(), now),
                lockedUntil(connection, attempt.addressKey(), now));
    }

    /**
     * One attempt on one key. A key that is not locked and has room in its window (or whose
     * window or lock has ended, which starts a new window) is counted up in the same statement
     * that checks it: the row lock makes parallel attempts take turns, and each sees the count
     * the one before left.
     *
     * @return the start of the window the attempt was counted in
     */
    private Timestamp reserve(Connection connection, String key, ThrottleSettings settings, Instant now)
            throws SQLException {
        Instant windowCutoff = now.minus(settings.window());
        for (int race = 0;; race++) {
            int counted = Database.update(connection, "UPDATE login_throttle SET"
                    + " failures = CASE WHEN locked_until IS NOT NULL OR window_start <= ? THEN 1"
                    + " ELSE failures + 1 END,"
                    + " window_start = CASE WHEN locked_until IS NOT NULL OR window_start <= ?"
                    + " THEN CAST(? AS TIMESTAMP) ELSE window_start END,"
                    + " locked_until = NULL"
                    + " WHERE throttle_key = ? AND (locked_until IS NULL OR locked_until <= ?)"
                    + " AND (locked_until IS NOT NULL OR window_start <= ? OR failures < ?)",
                    windowCutoff, windowCutoff, now, key, now, windowCutoff, settings.maxFailures());
            if (counted == 1) {
                return windowStart(connection, key);
            }
            Counter counter = read(connection, key);
            if (counter != null) {
                Instant until = counter.refusedUntil(settings, now);
                if (until != null) {
                    throw new Refused(until);
                }
                // Another attempt created the row between the update and the read: count on it.
            } else if (insertFirst(connection, key, now)) {
                return windowStart(connection, key);
            }
            if (race >= INSERT_RACES) {
                throw new IllegalStateException("The attempt counter " + key + " could not be created");
            }
        }
    }

    /**
     * Inserts the key's first attempt. Another attempt inserting the same key at the same time
     * wins on the primary key; then only this statement is undone, and the caller counts on
     * the other's row (PostgreSQL would otherwise abort the whole transaction).
     */
    private static boolean insertFirst(Connection connection, String key, Instant now) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            Database.update(connection, "INSERT INTO login_throttle (throttle_key, failures, window_start,"
                    + " locked_until) VALUES (?, 1, ?, NULL)", key, now);
            connection.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            connection.rollback(before);
            return false;
        }
    }

    private static void lockIfFull(Connection connection, String key, Timestamp window, ThrottleSettings settings,
            Instant now) throws SQLException {
        // Only in the window the attempt was counted in: a stale failure must not lock a fresh window.
        Database.update(connection, "UPDATE login_throttle SET locked_until = ? WHERE throttle_key = ?"
                + " AND window_start = ? AND locked_until IS NULL AND failures >= ?",
                now.plus(settings.lockout()), key, window, settings.maxFailures());
    }

    private static void giveBack(Connection connection, String key, Timestamp window) throws SQLException {
        Database.update(connection, "UPDATE login_throttle SET failures = failures - 1 WHERE throttle_key = ?"
                + " AND window_start = ? AND locked_until IS NULL AND failures > 0", key, window);
    }

    private static Timestamp windowStart(Connection connection, String key) throws SQLException {
        return read(connection, key).windowStart();
    }

    private static Counter read(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = Database.prepare(connection,
                "SELECT failures, window_start, locked_until FROM login_throttle WHERE throttle_key = ?",
                List.of(key));
                ResultSet row = statement.executeQuery()) {
            return row.next() ? new Counter(row.getInt(1), row.getTimestamp(2), Database.instant(row.getTimestamp(3)))
                    : null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private record Counter(int failures, Timestamp windowStart, Instant lockedUntil) {
        /** When an attempt on this counter may be counted again, or null when it may be now. */
        Instant refusedUntil(ThrottleSettings settings, Instant now) {
            if (lockedUntil != null) {
                return lockedUntil.isAfter(now) ? lockedUntil : null;
            }
            Instant windowEnd = windowStart.toInstant().plus(settings.window());
            if (failures < settings.maxFailures() || !windowEnd.isAfter(now)) {
                return null;
            }
            // Full but not locked: the last attempts are still being checked, and within seconds
            // they either lock the key or (a success) free it, so asking to wait the whole
            // window would be wrong for, say, a script sending several requests at once.
            Instant checked = now.plus(CHECK_PENDING);
            return checked.isBefore(windowEnd) ? checked : windowEnd;
        }
    }
}
