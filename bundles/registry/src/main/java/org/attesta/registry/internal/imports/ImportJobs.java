package org.attesta.registry.internal.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.attesta.api.common.Problem;
import org.attesta.api.registry.ImportJob;
import org.attesta.api.registry.ImportJobState;
import org.attesta.api.registry.ImportReport;

/**
 * Background import jobs in the database (tables import_job and import_job_error), so that any
 * node answers for any job. Each call is its own short transaction.
 */
final class ImportJobs {
    private static final String COLUMNS = "id, state, source, media_type, store_valid_rows, sha256, rows_read,"
            + " bytes_read, total_bytes, submitted, finished, format, created, unchanged, rejected, stored,"
            + " failure_type, failure_message";

    private final DataSource dataSource;

    ImportJobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(ImportJob job, String node, String submittedBy) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO import_job (id, node, state, source,"
                        + " media_type, store_valid_rows, sha256, rows_read, bytes_read, total_bytes, submitted,"
                        + " submitted_by) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)")) {
            insert.setString(1, job.id());
            insert.setString(2, node);
            insert.setString(3, job.state().name());
            insert.setString(4, job.source());
            insert.setString(5, job.mediaType());
            insert.setBoolean(6, job.storeValidRows());
            insert.setString(7, job.sha256());
            insert.setLong(8, job.totalBytes());
            insert.setTimestamp(9, Timestamp.from(job.submitted()));
            insert.setString(10, submittedBy);
            insert.executeUpdate();
        }
    }

    /** Who submitted a job, or null when unknown. */
    String submitter(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT submitted_by FROM import_job WHERE id = ?")) {
            query.setString(1, id);
            try (java.sql.ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    void running(String id) throws SQLException {
        update("UPDATE import_job SET state = 'RUNNING' WHERE id = ?", id);
    }

    void progress(String id, long rows, long bytes) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE import_job SET rows_read = ?, bytes_read = ? WHERE id = ?")) {
            update.setLong(1, rows);
            update.setLong(2, bytes);
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    /** Records the outcome of a job that read its file to the end (DONE or REJECTED). */
    void finished(String id, ImportJobState state, ImportReport report, long bytes) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("UPDATE import_job SET state = ?, finished = ?,"
                    + " rows_read = ?, bytes_read = ?, format = ?, created = ?, unchanged = ?, rejected = ?, stored = ?"
                    + " WHERE id = ?");
                    PreparedStatement error = c.prepareStatement("INSERT INTO import_job_error (job_id, error_no, line,"
                            + " column_name, message) VALUES (?, ?, ?, ?, ?)")) {
                update.setString(1, state.name());
                update.setTimestamp(2, Timestamp.from(Instant.now()));
                update.setLong(3, report.rows());
                update.setLong(4, bytes);
                update.setString(5, report.format());
                update.setLong(6, report.created());
                update.setLong(7, report.unchanged());
                update.setLong(8, report.rejected());
                update.setBoolean(9, report.stored());
                update.setString(10, id);
                update.executeUpdate();
                int number = 0;
                for (Problem problem : report.errors()) {
                    error.setString(1, id);
                    error.setInt(2, number++);
                    error.setLong(3, problem.line());
                    error.setString(4, limit(problem.column(), 100));
                    error.setString(5, limit(problem.message(), 1000));
                    error.addBatch();
                }
                error.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    void failed(String id, String type, String message) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE import_job SET state = 'FAILED', finished = ?,"
                        + " failure_type = ?, failure_message = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setString(2, type);
            update.setString(3, limit(message, 1000));
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    /** Jobs this node had queued or running when it stopped: their files are gone, nothing was stored. */
    int failInterrupted(String node) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE import_job SET state = 'FAILED', finished = ?,"
                        + " failure_type = 'interrupted', failure_message = ? WHERE node = ? AND state IN ('QUEUED', 'RUNNING')")) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setString(2, "Загрузка прервана перезапуском сервера; ничего не сохранено. Загрузите файл снова.");
            update.setString(3, node);
            return update.executeUpdate();
        }
    }

    ImportJob find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM import_job WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? toJob(c, row) : null;
            }
        }
    }

    private static ImportJob toJob(Connection c, ResultSet row) throws SQLException {
        ImportJobState state = ImportJobState.valueOf(row.getString("state"));
        ImportReport report = null;
        if (state == ImportJobState.DONE || state == ImportJobState.REJECTED) {
            report = new ImportReport(row.getString("format"), row.getLong("rows_read"), row.getLong("created"),
                    row.getLong("unchanged"), row.getLong("rejected"), row.getBoolean("stored"), errors(c, row.getString("id")));
        }
        Timestamp finished = row.getTimestamp("finished");
        return new ImportJob(row.getString("id"), state, row.getString("source"), row.getString("media_type"),
                row.getBoolean("store_valid_rows"), row.getString("sha256"), row.getLong("rows_read"),
                row.getLong("bytes_read"), row.getLong("total_bytes"), row.getTimestamp("submitted").toInstant(),
                finished == null ? null : finished.toInstant(), report, row.getString("failure_type"),
                row.getString("failure_message"));
    }

    private static List<Problem> errors(Connection c, String id) throws SQLException {
        List<Problem> errors = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT line, column_name, message FROM import_job_error WHERE job_id = ? ORDER BY error_no")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    errors.add(new Problem(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return errors;
    }

    private void update(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, id);
            update.executeUpdate();
        }
    }

    private static String limit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
