package org.attesta.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Failed-login counters in the database, shared by every node: one per login and one per
 * network address. A key with too many failures inside the window is locked for a while,
 * and while it is locked even the right password is refused.
 */
final class LoginThrottle {
    private final ThrottleSettings perLogin;
    private final ThrottleSettings perAddress;

    LoginThrottle(ThrottleSettings perLogin, ThrottleSettings perAddress) {
        this.perLogin = perLogin;
        this.perAddress = perAddress;
    }

    static String loginKey(String login) {
        return "login:" + (login == null ? "" : login.strip().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }

    /** The later end of the locks on this login and this address, or null when neither is locked. */
    Instant lockedUntil(Connection connection, String login, String address, Instant now) throws SQLException {
        Instant byLogin = lockedUntil(connection, loginKey(login), now);
        Instant byAddress = lockedUntil(connection, addressKey(address), now);
        if (byLogin == null) {
            return byAddress;
        }
        return byAddress == null || byLogin.isAfter(byAddress) ? byLogin : byAddress;
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

    /** Counts a failure for the login and the address; returns the lock end if this failure locked either. */
    Instant fail(Connection connection, String login, String address, Instant now) throws SQLException {
        Instant byLogin = fail(connection, loginKey(login), perLogin, now);
        Instant byAddress = fail(connection, addressKey(address), perAddress, now);
        return byLogin != null ? byLogin : byAddress;
    }

    void succeed(Connection connection, String login) throws SQLException {
        Database.update(connection, "DELETE FROM login_throttle WHERE throttle_key = ?", loginKey(login));
    }

    void clear(Connection connection, String login) throws SQLException {
        succeed(connection, login);
    }

    private Instant fail(Connection connection, String key, ThrottleSettings settings, Instant now)
            throws SQLException {
        Counter counter = read(connection, key);
        int failures;
        Instant windowStart;
        if (counter == null || counter.windowStart().plus(settings.window()).isBefore(now)) {
            failures = 1;
            windowStart = now;
        } else {
            failures = counter.failures() + 1;
            windowStart = counter.windowStart();
        }
        Instant lockedUntil = failures >= settings.maxFailures() ? now.plus(settings.lockout()) : null;
        if (lockedUntil != null) {
            // A new window starts after the lock: the next failures count afresh.
            failures = 0;
            windowStart = lockedUntil;
        }
        if (counter == null) {
            // Two nodes inserting the same key at once: one fails on the key, and its whole unit of
            // work is retried (Database.inTransaction), this time counting on top of the other's row.
            Database.update(connection, "INSERT INTO login_throttle (throttle_key, failures, window_start,"
                    + " locked_until) VALUES (?, ?, ?, ?)", key, failures, windowStart, lockedUntil);
            return lockedUntil;
        }
        Database.update(connection, "UPDATE login_throttle SET failures = ?, window_start = ?, locked_until = ?"
                + " WHERE throttle_key = ?", failures, windowStart, lockedUntil, key);
        return lockedUntil;
    }

    private static Counter read(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = Database.prepare(connection,
                "SELECT failures, window_start FROM login_throttle WHERE throttle_key = ?", List.of(key));
                ResultSet row = statement.executeQuery()) {
            return row.next() ? new Counter(row.getInt(1), row.getTimestamp(2).toInstant()) : null;
        }
    }

    private record Counter(int failures, Instant windowStart) {
    }
}
