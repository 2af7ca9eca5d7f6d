package org.attesta.registry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.attesta.api.registry.IdentityDocument;
import org.attesta.api.security.PersonalDataProtection;
import org.attesta.registry.internal.imports.DuplicateKeys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Personal data as the registry stores it: document series and number and СНИЛС sealed with the
 * data key kept outside the database, and the duplicate keys as keyed hashes, so a copy of the
 * database alone shows neither the numbers nor (by guessing) which person is which.
 *
 * <p>On activation, while migration 005 has left its marker in {@code data_upgrade}, it seals
 * the rows written before this was introduced (their document key is still the clear
 * {@code type|series|number}) and then removes the marker, so later starts do not scan the
 * table. Every component that reads or writes participants references this one, so none of
 * them starts before that is done.
 */
@Component(service = SealedPersonalData.class)
public final class SealedPersonalData {
    private static final System.Logger LOG = System.getLogger(SealedPersonalData.class.getName());
    private static final int BATCH = 1000;
    private static final String UPGRADE = "seal-personal-data";

    private final PersonalDataProtection protection;

    @Activate
    public SealedPersonalData(@Reference(target = "(osgi.jndi.service.name=attesta)") DataSource dataSource,
            @Reference PersonalDataProtection protection) throws SQLException {
        this.protection = protection;
        int sealed = sealClearRows(dataSource);
        if (sealed > 0) {
            LOG.log(System.Logger.Level.INFO, "Sealed the personal data of {0} participants stored in clear", sealed);
        }
    }

    public SealedPersonalData(PersonalDataProtection protection) {
        this.protection = protection;
    }

    public String seal(String value) {
        return value == null ? null : protection.seal(value);
    }

    public String open(String sealed) {
        return sealed == null ? null : protection.open(sealed);
    }

    /** The stored duplicate key of a document: a keyed hash of its normalised type, series and number. */
    public String documentKey(IdentityDocument document) {
        return protection.fingerprint(DuplicateKeys.documentKey(document));
    }

    /** The stored duplicate key of a СНИЛС, or null for none. */
    public String snilsKey(String snils) {
        return snils == null ? null : protection.fingerprint(DuplicateKeys.snilsKey(snils));
    }

    /** Seals rows still in clear, a batch per transaction, so a restart midway resumes. */
    private int sealClearRows(DataSource dataSource) throws SQLException {
        int total = 0;
        try (Connection connection = dataSource.getConnection()) {
            if (!pending(connection)) {
                return 0;
            }
            connection.setAutoCommit(false);
            while (true) {
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT id, document_type,"
                        + " document_series, document_number, snils FROM participant WHERE document_key LIKE '%|%'"
                        + " FETCH FIRST " + BATCH + " ROWS ONLY");
                        ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        rows.add(new Object[] {found.getLong(1), found.getInt(2), found.getString(3),
                                found.getString(4), found.getString(5)});
                    }
                }
                if (rows.isEmpty()) {
                    try (PreparedStatement done = connection.prepareStatement(
                            "DELETE FROM data_upgrade WHERE name = ?")) {
                        done.setString(1, UPGRADE);
                        done.executeUpdate();
                    }
                    connection.commit();
                    return total;
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE participant SET document_series = ?,"
                        + " document_number = ?, document_key = ?, snils = ?, snils_key = ? WHERE id = ?")) {
                    for (Object[] row : rows) {
                        IdentityDocument document = new IdentityDocument(
                                ParticipantMapping.documentType((Integer) row[1]), (String) row[2], (String) row[3]);
                        update.setString(1, seal(document.series()));
                        update.setString(2, seal(document.number()));
                        update.setString(3, documentKey(document));
                        update.setString(4, seal((String) row[4]));
                        update.setString(5, snilsKey((String) row[4]));
                        update.setLong(6, (Long) row[0]);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                connection.commit();
                total += rows.size();
            }
        }
    }

    private static boolean pending(Connection connection) throws SQLException {
        try (PreparedStatement marker = connection.prepareStatement("SELECT 1 FROM data_upgrade WHERE name = ?")) {
            marker.setString(1, UPGRADE);
            try (ResultSet row = marker.executeQuery()) {
                return row.next();
            }
        }
    }
}
