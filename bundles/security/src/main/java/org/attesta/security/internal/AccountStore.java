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
import org.attesta.api.security.AccessScope;
import org.attesta.api.security.AccountQuery;
import org.attesta.api.security.AccountState;
import org.attesta.api.security.Role;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Scope;
import org.attesta.api.security.ScopeLevel;

/** The account and account_role tables. Logins are stored in lower case: case does not matter at sign-in. */
final class AccountStore {
    private static final String REGION_CODE = "*";
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
            Scope scope = grant.grant().scope();
            Database.update(connection, "INSERT INTO account_role (account_id, role, scope_level, scope_code,"
                    + " municipality_code) VALUES (?, ?, ?, ?, ?)", id, grant.grant().role().name(),
                    scope.level().name(), scope.level() == ScopeLevel.REGION ? REGION_CODE : scope.code(),
                    grant.municipalityCode());
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

    /** Accounts that hold at least one grant inside the scope and match the query; newest logins last. */
    List<StoredAccount> search(Connection connection, AccountQuery query, AccessScope scope, boolean pendingOnly,
            int offset, int limit) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, scope, pendingOnly, parameters);
        parameters.add(offset);
        parameters.add(limit);
        return select(connection, "SELECT " + COLUMNS + " FROM account a" + where
                + " ORDER BY a.login OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", parameters);
    }

    long count(Connection connection, AccountQuery query, AccessScope scope, boolean pendingOnly) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM account a" + where(query, scope, pendingOnly, parameters);
        try (PreparedStatement statement = Database.prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String where(AccountQuery query, AccessScope scope, boolean pendingOnly, List<Object> parameters) {
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
            where.append(" AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = ?)");
            parameters.add(query.role().name());
        }
        if (query.municipalityCode() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id"
                    + " AND r.municipality_code = ?)");
            parameters.add(query.municipalityCode());
        }
        if (query.schoolCode() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id"
                    + " AND r.scope_level = 'SCHOOL' AND r.scope_code = ?)");
            parameters.add(query.schoolCode());
        }
        if (!scope.region()) {
            where.append(" AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND (1 = 0");
            if (!scope.municipalities().isEmpty()) {
                where.append(" OR r.municipality_code IN (").append(placeholders(scope.municipalities().size()))
                        .append(")");
                parameters.addAll(scope.municipalities());
            }
            if (!scope.schools().isEmpty()) {
                where.append(" OR (r.scope_level = 'SCHOOL' AND r.scope_code IN (")
                        .append(placeholders(scope.schools().size())).append("))");
                parameters.addAll(scope.schools());
            }
            where.append("))");
        }
        return where.toString();
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
        String sql = "SELECT account_id, role, scope_level, scope_code, municipality_code FROM account_role"
                + " WHERE account_id IN (" + placeholders(ids.size()) + ") ORDER BY account_id, role, scope_code";
        try (PreparedStatement statement = Database.prepare(connection, sql, List.copyOf(ids));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ScopeLevel level = ScopeLevel.valueOf(rows.getString(3));
                Scope scope = level == ScopeLevel.REGION ? Scope.region() : new Scope(level, rows.getString(4));
                grants.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new StoredAccount.Grant(
                        new RoleGrant(Role.valueOf(rows.getString(2)), scope), rows.getString(5)));
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
