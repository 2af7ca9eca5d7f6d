package org.attesta.registry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.Query;

/**
 * Participants per school (table participant_count), changed in the same transaction as the
 * participants themselves. List totals read it instead of counting a million rows.
 */
public final class ParticipantCounts {
    private static final String ADD = "UPDATE participant_count SET participants = participants + ? WHERE school_id = ?";
    private static final String CREATE = "INSERT INTO participant_count (school_id, participants) VALUES (?, ?)";

    private ParticipantCounts() {
    }

    public static void add(EntityManager em, long schoolId, long delta) {
        int updated = em.createNativeQuery(ADD).setParameter(1, delta).setParameter(2, schoolId).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery(CREATE).setParameter(1, schoolId).setParameter(2, delta).executeUpdate();
        }
    }

    /** For the JDBC importer, inside its transaction. */
    public static void add(Connection connection, Map<Long, Long> deltas) throws SQLException {
        try (PreparedStatement add = connection.prepareStatement(ADD);
                PreparedStatement create = connection.prepareStatement(CREATE)) {
            for (Map.Entry<Long, Long> delta : deltas.entrySet()) {
                add.setLong(1, delta.getValue());
                add.setLong(2, delta.getKey());
                if (add.executeUpdate() == 0) {
                    create.setLong(1, delta.getKey());
                    create.setLong(2, delta.getValue());
                    create.executeUpdate();
                }
            }
        }
    }

    /** Participants of the given schools, or of every school when {@code schoolIds} is null. */
    static long total(EntityManager em, Collection<Long> schoolIds) {
        if (schoolIds != null && schoolIds.isEmpty()) {
            return 0;
        }
        String sql = "SELECT COALESCE(SUM(participants), 0) FROM participant_count";
        List<Long> ids = schoolIds == null ? List.of() : List.copyOf(schoolIds);
        if (schoolIds != null) {
            sql += " WHERE school_id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
        }
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
