package org.attesta.registry.internal.imports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attesta.registry.internal.ParticipantCounts;

/**
 * The JDBC side of an import, on one connection in one transaction: batched inserts with keys
 * from the participant sequence (blocks of 50, as EclipseLink allocates them), and look-ups of
 * participants already stored under the same document or СНИЛС.
 */
final class ParticipantWriter implements AutoCloseable {
    /**
     * The sequence's INCREMENT BY: one NEXT VALUE reserves this many keys, ending at the value
     * returned (EclipseLink's reading of a sequence, so both writers share it safely).
     */
    static final int KEY_BLOCK = 50;
    private static final String INSERT = "INSERT INTO participant (id, surname, name, patronymic, search_key,"
            + " birth_date, sex, document_type, document_series, document_number, document_key, snils, snils_key,"
            + " school_id, class_name, category, special_needs, extra_minutes, consent_date, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
    private static final String EXISTING = "SELECT id, document_key, snils_key, surname, name, patronymic, birth_date,"
            + " sex, school_id, class_name, special_needs FROM participant WHERE ";

    private final Connection connection;
    private final PreparedStatement insert;
    private final String nextKeySql;
    private final int batchSize;
    private long nextKey;
    private long keysLeft;
    private int pending;

    ParticipantWriter(Connection connection, int batchSize) throws SQLException {
        this.connection = connection;
        this.batchSize = batchSize;
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(INSERT);
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        this.nextKeySql = product.contains("postgres") ? "SELECT nextval('participant_seq')"
                : "VALUES NEXT VALUE FOR participant_seq";
    }

    /** A participant as stored, for telling an unchanged re-import from a clash. */
    record Stored(long id, String documentKey, String snilsKey, StoredFields fields) {
    }

    /** The fields a file carries, as stored (the СНИЛС by its keyed hash: the sealed text differs each time). */
    record StoredFields(String surname, String name, String patronymic, java.time.LocalDate birthDate, String sex,
            long schoolId, String className, boolean specialNeeds, String snilsKey) {
    }

    boolean isEmpty() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1 FROM participant FETCH FIRST 1 ROWS ONLY")) {
            return !rows.next();
        }
    }

    Map<String, Long> schoolIds() throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT code, id FROM school")) {
            while (rows.next()) {
                ids.put(rows.getString(1), rows.getLong(2));
            }
        }
        return ids;
    }

    /** Stored participants whose document key or СНИЛС key is among the given ones. */
    Map<String, Stored> existing(String column, Collection<String> keys) throws SQLException {
        Map<String, Stored> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> list = new ArrayList<>(keys);
        String placeholders = String.join(",", java.util.Collections.nCopies(list.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement(EXISTING + column + " IN (" + placeholders + ")")) {
            for (int i = 0; i < list.size(); i++) {
                query.setString(i + 1, list.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Stored stored = new Stored(rows.getLong(1), rows.getString(2), rows.getString(3),
                            new StoredFields(rows.getString(4), rows.getString(5), rows.getString(6),
                                    rows.getDate(7).toLocalDate(), rows.getString(8), rows.getLong(9),
                                    rows.getString(10), rows.getBoolean(11), rows.getString(3)));
                    found.put(column.equals("document_key") ? stored.documentKey() : stored.snilsKey(), stored);
                }
            }
        }
        return found;
    }

    void insert(NewParticipant p) throws SQLException {
        insert.setLong(1, nextKey());
        insert.setString(2, p.surname());
        insert.setString(3, p.name());
        setNullable(4, p.patronymic());
        insert.setString(5, p.searchKey());
        insert.setDate(6, Date.valueOf(p.birthDate()));
        insert.setString(7, p.sex());
        insert.setInt(8, p.documentType());
        setNullable(9, p.documentSeries());
        insert.setString(10, p.documentNumber());
        insert.setString(11, p.documentKey());
        setNullable(12, p.snils());
        setNullable(13, p.snilsKey());
        insert.setLong(14, p.schoolId());
        insert.setString(15, p.className());
        insert.setString(16, p.category());
        insert.setBoolean(17, p.specialNeeds());
        insert.setInt(18, p.extraMinutes());
        insert.setNull(19, Types.DATE);
        insert.addBatch();
        if (++pending >= batchSize) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    /** Adds to the per-school participant counts, in this transaction. */
    void addCounts(Map<Long, Long> createdBySchool) throws SQLException {
        flush();
        ParticipantCounts.add(connection, createdBySchool);
    }

    void commit() throws SQLException {
        flush();
        connection.commit();
    }

    void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        try {
            insert.close();
        } finally {
            connection.setAutoCommit(true);
            connection.close();
        }
    }

    private long nextKey() throws SQLException {
        if (keysLeft == 0) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(nextKeySql)) {
                rows.next();
                nextKey = rows.getLong(1) - KEY_BLOCK + 1;
                keysLeft = KEY_BLOCK;
            }
        }
        keysLeft--;
        return nextKey++;
    }

    private void setNullable(int index, String value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }
}
