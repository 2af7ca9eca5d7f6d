package org.attesta.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The staff_session table. Rows are found by the SHA-256 of the token; the token itself
 * exists only at the client.
 */
final class SessionStore {

    /** A stored session: its absolute end and the last time it was used. */
    record Row(String id, String csrfToken, long accountId, Instant lastSeenAt, Instant expiresAt) {
    }

    void insert(Connection connection, String id, String token, String csrfToken, long accountId, String address,
            Instant now, Instant expiresAt) throws SQLException {
        Database.update(connection, "INSERT INTO staff_session (id, token_hash, csrf_token, account_id, address,"
                + " created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, hash(token),
                csrfToken, accountId, address, now, now, expiresAt);
    }

    Optional<Row> find(Connection connection, String token) throws SQLException {
        try (PreparedStatement statement = Database.prepare(connection, "SELECT id, csrf_token, account_id,"
                + " last_seen_at, expires_at FROM staff_session WHERE token_hash = ?", List.of(hash(token)));
                ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new Row(row.getString(1), row.getString(2), row.getLong(3),
                    row.getTimestamp(4).toInstant(), row.getTimestamp(5).toInstant()));
        }
    }

    void touch(Connection connection, String id, Instant now) throws SQLException {
        Database.update(connection, "UPDATE staff_session SET last_seen_at = ? WHERE id = ?", now, id);
    }

    int delete(Connection connection, String token) throws SQLException {
        return Database.update(connection, "DELETE FROM staff_session WHERE token_hash = ?", hash(token));
    }

    void deleteById(Connection connection, String id) throws SQLException {
        Database.update(connection, "DELETE FROM staff_session WHERE id = ?", id);
    }

    int deleteForAccount(Connection connection, long accountId) throws SQLException {
        return Database.update(connection, "DELETE FROM staff_session WHERE account_id = ?", accountId);
    }

    /** Ends every session of the account except the one with this token (all of them when it is null). */
    int deleteOthers(Connection connection, long accountId, String keptToken) throws SQLException {
        if (keptToken == null) {
            return deleteForAccount(connection, accountId);
        }
        return Database.update(connection, "DELETE FROM staff_session WHERE account_id = ? AND token_hash <> ?",
                accountId, hash(keptToken));
    }

    int deleteExpired(Connection connection, Instant now, Instant idleBefore) throws SQLException {
        return Database.update(connection, "DELETE FROM staff_session WHERE expires_at <= ? OR last_seen_at < ?", now,
                idleBefore);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
