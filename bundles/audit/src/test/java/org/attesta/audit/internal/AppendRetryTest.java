package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.audit.AuditEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lost lock races are retried; other failures are not. */
class AppendRetryTest {
    private AuditDatabase database;
    @TempDir
    Path directory;

    @BeforeEach
    void setUp() throws Exception {
        database = new AuditDatabase();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void recognisesDeadlockAndSerializationStatesAnywhereInTheChain() {
        assertTrue(JdbcAuditLog.isRetryable(new SQLException("deadlock", "40P01")));
        assertTrue(JdbcAuditLog.isRetryable(new SQLException("lock timeout", "40XL1")));
        SQLException outer = new SQLException("batch failed", "XJ001");
        outer.setNextException(new SQLException("serialization", "40001"));
        assertTrue(JdbcAuditLog.isRetryable(outer));
        assertTrue(JdbcAuditLog.isRetryable(new SQLException("wrapped", "XJ001", new SQLException("x", "40XL2"))));
        assertFalse(JdbcAuditLog.isRetryable(new SQLException("duplicate key", "23505")));
        assertFalse(JdbcAuditLog.isRetryable(new SQLException("no state")));
    }

    @Test
    void aLostLockRaceIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        JdbcAuditLog log = logOver(failingFirst(2, "40001", calls));

        assertEquals(1, log.record(AuditEvent.success(AuditActions.LOGIN, null, null)).sequence());
        assertEquals(3, calls.get());
        assertEquals(1, database.count("SELECT COUNT(*) FROM audit_entry"));
    }

    @Test
    void otherFailuresAreNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        JdbcAuditLog log = logOver(failingFirst(1, "08001", calls));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> log.record(AuditEvent.success(AuditActions.LOGIN, null, null)));
        assertInstanceOf(SQLException.class, failure.getCause());
        assertEquals(1, calls.get());
        assertEquals(0, database.count("SELECT COUNT(*) FROM audit_entry"));
    }

    @Test
    void givesUpAfterFiveAttempts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        JdbcAuditLog log = logOver(failingFirst(100, "40XL1", calls));

        assertThrows(IllegalStateException.class, () -> log.record(AuditEvent.success(AuditActions.LOGIN, null, null)));
        assertEquals(5, calls.get());
    }

    private JdbcAuditLog logOver(DataSource dataSource) {
        return new JdbcAuditLog(dataSource, new TestCallerContext(), new TestAccessPolicy(),
                new TestClock(Instant.parse("2026-03-01T09:00:00Z")), TestKeys.random(),
                new AnchorFile(directory.resolve("anchors.log")), "test-node");
    }

    /** The database's DataSource, but the first {@code failures} connections fail with the state. */
    private DataSource failingFirst(int failures, String sqlState, AtomicInteger calls) {
        DataSource real = database.dataSource();
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection") && calls.incrementAndGet() <= failures) {
                        throw new SQLException("simulated", sqlState);
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
