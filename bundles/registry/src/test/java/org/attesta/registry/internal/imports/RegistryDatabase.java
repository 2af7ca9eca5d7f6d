package org.attesta.registry.internal.imports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.attesta.persistence.testing.MigratedDerby;

/** The migrated test database, with what the registry's tests ask of it besides plain SQL. */
final class RegistryDatabase extends MigratedDerby {

    RegistryDatabase() throws Exception {
        super("registry-test");
    }

    List<Long> participantIds() throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (List<Object> row : query("SELECT id FROM participant ORDER BY id")) {
            ids.add(((Number) row.get(0)).longValue());
        }
        return ids;
    }

    /** The value the next NEXT VALUE FOR the sequence will give, without using it up. */
    long peekAtSequence(String sequence) throws SQLException {
        List<List<Object>> rows = query("VALUES SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('APP', ?)",
                sequence.toUpperCase(java.util.Locale.ROOT));
        return ((Number) rows.get(0).get(0)).longValue();
    }
}
