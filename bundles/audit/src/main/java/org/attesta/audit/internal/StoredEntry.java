package org.attesta.audit.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.crypto.Mac;

/** One row of audit_entry, exactly as stored: the values the hash covers. */
record StoredEntry(long sequence, long occurredAt, String actor, String actorKind, String address, String action,
        String outcome, String objectType, String objectId, String detail, String prevHash, String hash, int scheme) {

    static final String COLUMNS = "sequence_no, occurred_at, actor, actor_kind, address, action, outcome,"
            + " object_type, object_id, detail, prev_hash, hash, chain_scheme";

    static final String INSERT = "INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static StoredEntry read(ResultSet row) throws SQLException {
        return new StoredEntry(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10),
                row.getString(11), row.getString(12), row.getInt(13));
    }

    void bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, sequence);
        insert.setLong(2, occurredAt);
        insert.setString(3, actor);
        insert.setString(4, actorKind);
        insert.setString(5, address);
        insert.setString(6, action);
        insert.setString(7, outcome);
        insert.setString(8, objectType);
        insert.setString(9, objectId);
        insert.setString(10, detail);
        insert.setString(11, prevHash);
        insert.setString(12, hash);
        insert.setInt(13, scheme);
    }

    boolean keyed() {
        return scheme == ChainHash.KEYED;
    }

    /** The hash these values should have under the chain key, to compare with the stored one. */
    String keyedHash(Mac mac) {
        return ChainHash.keyed(mac, prevHash, sequence, occurredAt, actor, actorKind, address, action, outcome,
                objectType, objectId, detail);
    }

    /** The hash these values would have in the scheme of entries written before the chain key. */
    String plainHash() {
        return ChainHash.of(prevHash, sequence, occurredAt, actor, actorKind, address, action, outcome, objectType,
                objectId, detail);
    }
}
