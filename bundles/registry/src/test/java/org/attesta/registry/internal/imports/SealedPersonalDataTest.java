package org.attesta.registry.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.attesta.registry.internal.SealedPersonalData;
import org.attesta.registry.internal.TestSealing;
import org.junit.jupiter.api.Test;

/** Rows written before personal data was sealed are sealed when the registry starts, once. */
class SealedPersonalDataTest {
    private final TestSealing sealing = new TestSealing();

    @Test
    void clearRowsAreSealedAndKeyedOnceAndSealedRowsAreLeftAlone() throws Exception {
        try (RegistryDatabase database = new RegistryDatabase()) {
            database.update("INSERT INTO municipality (id, code, name, version) VALUES (1, '01', 'М', 1)");
            database.update("INSERT INTO school (id, code, name, municipality_id, version) VALUES (1, '01001', 'Ш', 1, 1)");
            for (int i = 1; i <= 1100; i++) {
                database.update("INSERT INTO participant (id, surname, name, search_key, birth_date, sex, document_type,"
                        + " document_series, document_number, document_key, snils, snils_key, school_id, class_name,"
                        + " category, special_needs, extra_minutes, version) VALUES (?, 'Иванов', 'Иван', 'ИВАНОВ ИВАН',"
                        + " DATE('2010-01-01'), 'M', 1, '6110', ?, ?, ?, ?, 1, '9А', 'STUDENT', false, 0, 1)", i,
                        String.format("%06d", i), "1|6110|" + String.format("%06d", i), i == 1 ? "112-233-445 95" : null,
                        i == 1 ? "11223344595" : null);
            }

            new SealedPersonalData(database.dataSource(), sealing);

            assertEquals(List.of(List.of(sealing.seal("6110"), sealing.seal("000001"), sealing.fingerprint("1|6110|000001"),
                    sealing.seal("112-233-445 95"), sealing.fingerprint("11223344595"))),
                    database.query("SELECT document_series, document_number, document_key, snils, snils_key"
                            + " FROM participant WHERE id = 1"));
            assertEquals(0, database.count("SELECT COUNT(*) FROM participant WHERE document_key LIKE '%|%'"),
                    "every batch was sealed");
            List<List<Object>> once = database.query("SELECT document_number, document_key FROM participant ORDER BY id");

            new SealedPersonalData(database.dataSource(), sealing);

            assertEquals(0, database.count("SELECT COUNT(*) FROM data_upgrade"), "the marker is gone when done");
            database.update("UPDATE participant SET document_key = '1|6110|999999' WHERE id = 2");

            new SealedPersonalData(database.dataSource(), sealing);

            assertEquals(1, database.count("SELECT COUNT(*) FROM participant WHERE document_key LIKE '%|%'"),
                    "later starts do not scan the table again");
            assertEquals(once.get(0), database.query("SELECT document_number, document_key FROM participant"
                    + " ORDER BY id").get(0), "a second start seals nothing twice");
        }
    }
}
