package org.attesta.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attesta.api.security.AccountQuery;
import org.attesta.api.security.AccountState;
import org.attesta.api.security.Role;
import org.attesta.api.security.ScopeLevel;

/**
 * The account and account_grant tables. Logins are stored in lower case: case does not matter at sign-in.
 * Grants name their place by its registry id; this store never reads the registry's tables.
 */
final class AccountStore {

    /**
     * Places by id, for cutting account lists: an account is inside when one of its grants is bound to one of
     * the municipalities or schools (a municipality's places include its schools' ids, put there by the caller).
     */
    record Places(boolean region, Set<Long> municipalityIds, Set<Long> schoolIds) {
        static final Places ALL = new Places(true, Set.of(), Set.of());

        Places {
            municipalityIds = Set.copyOf(municipalityIds);
            schoolIds = Set.copyOf(schoolIds);
        }
    }

    private static final String COLUMNS = "a.id, a.login, a.display_name, a.password_hash, a.password_change_required,"
            + " a.pending_credential, a.state, a.created_at, a.last_login_at";

    Optional<StoredAccount> find(Connection connection, String login) throws SQLException {
        List<StoredAccount> found = select(connection, "SELECT " + COLUMNS + " FROM account a WHERE a.login = ?",
                List.of(normalise(login)));
        return found.stream().findFirst();
    }

    Optional<StoredAccount> find(Connection connection, long id) throws SQLException {
        return select(connection, "SELECT " + COLUMNS + " FROM account a WHERE a.id = ?", List.of(id)).stream()
                .findFirst();
    }

    StoredAccount insert(Connection connection, String login, String displayName, List<StoredAccount.Grant> grants,
            String passwordHash, String pendingCredential, String createdBy, Instant now) throws SQLException {
        long id = Database.nextAccountId(connection);
        Database.update(connection, "INSERT INTO account (id, login, display_name, password_hash,"
                + " password_change_required, pending_credential, state, created_at, created_by, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", id, normalise(login), displayName, passwordHash, true,
                pendingCredential, AccountState.ACTIVE.name(), now, createdBy);
        for (StoredAccount.Grant grant : grants) {
            Database.update(connection, "INSERT INTO account_grant (account_id, role, scope_level, scope_id)"
                    + " VALUES (?, ?, ?, ?)", id, grant.role().name(), grant.level().name(), grant.placeId());
        }
        return new StoredAccount(id, normalise(login), displayName, passwordHash, true, pendingCredential,
                AccountState.ACTIVE, now, null, grants);
    }

    void setPassword(Connection connection, long id, String hash, boolean changeRequired, String pendingCredential,
            Instant now) throws SQLException {
        Database.update(connection, "UPDATE account SET password_hash = ?, password_change_required = ?,"
                + " pending_credential = ?, password_changed_at = ?, version = version + 1 WHERE id = ?", hash,
                changeRequired, pendingCredential, now, id);
    }

    /** Replaces a hash with a stronger one of the same password; nothing else changes. */
    void rehash(Connection connection, long id, String hash) throws SQLException {
        Database.update(connection, "UPDATE account SET password_hash = ? WHERE id = ?", hash, id);
    }

    void setState(Connection connection, long id, AccountState state) throws SQLException {
        Database.update(connection, "UPDATE account SET state = ?, version = version + 1 WHERE id = ?", state.name(), id);
    }

    /** Clears the pending credential if it is still there; false when someone else took it first. */
    boolean takePending(Connection connection, long id) throws SQLException {
        return Database.update(connection, "UPDATE account SET pending_credential = NULL"
                + " WHERE id = ? AND pending_credential IS NOT NULL", id) == 1;
    }

    void recordLogin(Connection connection, long id, Instant now) throws SQLException {
        Database.update(connection, "UPDATE account SET last_login_at = ? WHERE id = ?", now, id);
    }

    Set<String> existingLogins(Connection connection, Collection<String> logins) throws SQLException {
        Set<String> existing = new HashSet<>();
        List<String> all = logins.stream().map(AccountStore::normalise).toList();
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String sql = "SELECT login FROM account WHERE login IN (" + placeholders(chunk.size()) + ")";
            try (PreparedStatement statement = Database.prepare(connection, sql, chunk);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
        }
        return existing;
    }

    /**
     * Accounts that hold at least one grant inside the scope, match the query and, when the query names a
     * territory, hold a grant there; in login order.
     */
    List<StoredAccount> search(Connection connection, AccountQuery query, Places scope, Places filter,
            boolean pendingOnly, int offset, int limit) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, scope, filter, pendingOnly, parameters);
        parameters.add(offset);
        parameters.add(limit);
        return select(connection, "SELECT " + COLUMNS + " FROM account a" + where
                + " ORDER BY a.login OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", parameters);
    }

    long count(Connection connection, AccountQuery query, Places scope, Places filter, boolean pendingOnly)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM account a" + where(query, scope, filter, pendingOnly, parameters);
        try (PreparedStatement statement = Database.prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String where(AccountQuery query, Places scope, Places filter, boolean pendingOnly,
            List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.text() != null && !query.text().isBlank()) {
            String prefix = likePrefix(query.text().strip().toLowerCase(Locale.ROOT));
            where.append(" AND (a.login LIKE ? ESCAPE '\\' OR LOWER(a.display_name) LIKE ? ESCAPE '\\')");
            parameters.add(prefix);
            parameters.add("%" + prefix);
        }
        if (pendingOnly || Boolean.TRUE.equals(query.credentialsPending())) {
            where.append(" AND a.pending_credential IS NOT NULL");
        } else if (Boolean.FALSE.equals(query.credentialsPending())) {
            where.append(" AND a.pending_credential IS NULL");
        }
        if (query.role() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM account_grant g WHERE g.account_id = a.id AND g.role = ?)");
            parameters.add(query.role().name());
        }
        appendPlaces(where, filter, parameters);
        appendPlaces(where, scope, parameters);
        return where.toString();
    }

    private static void appendPlaces(StringBuilder where, Places places, List<Object> parameters) {
        if (places.region()) {
            return;
        }
        where.append(" AND EXISTS (SELECT 1 FROM account_grant g WHERE g.account_id = a.id AND (1 = 0");
        if (!places.municipalityIds().isEmpty()) {
            where.append(" OR (g.scope_level = 'MUNICIPALITY' AND g.scope_id IN (")
                    .append(placeholders(places.municipalityIds().size())).append("))");
            parameters.addAll(places.municipalityIds());
        }
        if (!places.schoolIds().isEmpty()) {
            where.append(" OR (g.scope_level = 'SCHOOL' AND g.scope_id IN (")
                    .append(placeholders(places.schoolIds().size())).append("))");
            parameters.addAll(places.schoolIds());
        }
        where.append("))");
    }

    private List<StoredAccount> select(Connection connection, String sql, List<?> parameters) throws SQLException {
        Map<Long, StoredAccount> accounts = new LinkedHashMap<>();
        try (PreparedStatement statement = Database.prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                accounts.put(rows.getLong(1), new StoredAccount(rows.getLong(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getBoolean(5), rows.getString(6),
                        AccountState.valueOf(rows.getString(7)), Database.instant(rows.getTimestamp(8)),
                        Database.instant(rows.getTimestamp(9)), List.of()));
            }
        }
        if (accounts.isEmpty()) {
            return List.of();
        }
        Map<Long, List<StoredAccount.Grant>> grants = grants(connection, accounts.keySet());
        List<StoredAccount> result = new ArrayList<>(accounts.size());
        for (StoredAccount account : accounts.values()) {
            result.add(new StoredAccount(account.id(), account.login(), account.displayName(), account.passwordHash(),
                    account.passwordChangeRequired(), account.pendingCredential(), account.state(),
                    account.createdAt(), account.lastLoginAt(), grants.getOrDefault(account.id(), List.of())));
        }
        return result;
    }

    private Map<Long, List<StoredAccount.Grant>> grants(Connection connection, Collection<Long> ids)
            throws SQLException {
        Map<Long, List<StoredAccount.Grant>> grants = new LinkedHashMap<>();
        String sql = "SELECT account_id, role, scope_level, scope_id FROM account_grant"
                + " WHERE account_id IN (" + placeholders(ids.size()) + ") ORDER BY account_id, role, scope_level,"
                + " scope_id";
        try (PreparedStatement statement = Database.prepare(connection, sql, List.copyOf(ids));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                grants.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new StoredAccount.Grant(
                        Role.valueOf(rows.getString(2)), ScopeLevel.valueOf(rows.getString(3)), rows.getLong(4)));
            }
        }
        return grants;
    }

    static String normalise(String login) {
        return login == null ? null : login.strip().toLowerCase(Locale.ROOT);
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
