package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.audit.AuditEntry;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.ChainVerification;
import org.attesta.api.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain detects changed, removed and inserted entries, and holds under concurrent appends. */
class AuditChainVerificationTest {
    private AuditDatabase database;
    private final TestCallerContext callers = new TestCallerContext();
    private JdbcAuditLog log;
    private final AuditKeys keys = TestKeys.random();
    @TempDir
    Path directory;

    @BeforeEach
    void setUp() throws Exception {
        database = new AuditDatabase();
        log = new JdbcAuditLog(database.dataSource(), callers, new TestAccessPolicy(),
                new TestClock(Instant.parse("2026-03-01T09:00:00Z")), keys,
                new AnchorFile(directory.resolve("anchors.log")), "test-node");
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void anUntouchedChainIsIntactAndTheCheckIsItselfRecorded() throws Exception {
        appendFive();

        ChainVerification result = log.verify();

        assertEquals(new ChainVerification(5, 0, null), result);
        assertTrue(result.intact());
        StoredEntry recorded = database.entry(6);
        assertEquals(AuditActions.AUDIT_VERIFIED, recorded.action());
        assertEquals("{\"after\":{\"entries\":\"5\",\"firstBroken\":\"0\"},\"before\":{}}", recorded.detail());
        assertEquals(new ChainVerification(6, 0, null), log.verify());
    }

    @Test
    void anEmptyLogIsIntact() {
        assertEquals(new ChainVerification(0, 0, null), log.verify());
    }

    @Test
    void aChangedDetailIsNamed() throws Exception {
        appendFive();
        database.update("UPDATE audit_entry SET detail = ? WHERE sequence_no = 3",
                "{\"after\":{\"фамилия\":\"Подделкин\"},\"before\":{}}");

        ChainVerification result = log.verify();

        assertEquals(3, result.firstBroken());
        assertEquals(5, result.entries());
        assertTrue(result.reason().startsWith("Содержимое записи № 3 изменено"), result.reason());
        assertEquals("{\"after\":{\"entries\":\"5\",\"firstBroken\":\"3\"},\"before\":{}}",
                database.entry(6).detail());
    }

    @Test
    void aChangedActorIsNamed() throws Exception {
        appendFive();
        database.update("UPDATE audit_entry SET actor = 'someone-else' WHERE sequence_no = 2");

        ChainVerification result = log.verify();

        assertEquals(2, result.firstBroken());
        assertTrue(result.reason().contains("изменено"), result.reason());
    }

    @Test
    void aChangedTimeIsNamed() throws Exception {
        appendFive();
        database.update("UPDATE audit_entry SET occurred_at = occurred_at - 86400000 WHERE sequence_no = 4");

        assertEquals(4, log.verify().firstBroken());
    }

    @Test
    void aChangedEntryWithARecomputedHashBreaksTheLinkToTheNext() throws Exception {
        appendFive();
        StoredEntry original = database.entry(3);
        StoredEntry forged = EntryDraft.of("someone-else", original.actorKind(), original.address(),
                original.action(), original.outcome(), original.objectType(), original.objectId(), original.detail())
                .chain(3, original.occurredAt(), original.prevHash(), keys.chainKey().mac());
        database.update("UPDATE audit_entry SET actor = ?, hash = ? WHERE sequence_no = 3", forged.actor(),
                forged.hash());

        ChainVerification result = log.verify();

        assertEquals(4, result.firstBroken());
        assertTrue(result.reason().contains("запись № 3 изменена вместе с её хешем"), result.reason());
    }

    @Test
    void aDeletedMiddleEntryIsNamed() throws Exception {
        appendFive();
        database.update("DELETE FROM audit_entry WHERE sequence_no = 3");

        ChainVerification result = log.verify();

        assertEquals(3, result.firstBroken());
        assertEquals(4, result.entries());
        assertTrue(result.reason().startsWith("Запись № 3 отсутствует"), result.reason());
    }

    @Test
    void aDeletedFirstEntryIsNamed() throws Exception {
        appendFive();
        database.update("DELETE FROM audit_entry WHERE sequence_no = 1");

        ChainVerification result = log.verify();

        assertEquals(1, result.firstBroken());
        assertTrue(result.reason().contains("Начальные записи удалены"), result.reason());
    }

    @Test
    void entriesDeletedFromTheEndAreDetectedByTheHead() throws Exception {
        appendFive();
        database.update("DELETE FROM audit_entry WHERE sequence_no >= 4");

        ChainVerification result = log.verify();

        assertEquals(5, result.firstBroken());
        assertEquals(3, result.entries());
        assertTrue(result.reason().startsWith("Записи в конце журнала удалены"), result.reason());
        assertTrue(result.reason().contains("№ 3") && result.reason().contains("№ 5"), result.reason());
    }

    @Test
    void aReplacedLastEntryWithARecomputedHashIsDetectedByTheHead() throws Exception {
        appendFive();
        StoredEntry original = database.entry(5);
        StoredEntry forged = EntryDraft.of("someone-else", original.actorKind(), original.address(),
                original.action(), original.outcome(), original.objectType(), original.objectId(), original.detail())
                .chain(5, original.occurredAt(), original.prevHash(), keys.chainKey().mac());
        database.update("UPDATE audit_entry SET actor = ?, hash = ? WHERE sequence_no = 5", forged.actor(),
                forged.hash());

        ChainVerification result = log.verify();

        assertEquals(5, result.firstBroken());
        assertTrue(result.reason().startsWith("Последняя запись № 5 заменена"), result.reason());
    }

    @Test
    void aForgedEntryWithItsOwnValidHashButAWrongPreviousIsNamed() throws Exception {
        appendFive();
        StoredEntry entry = database.entry(3);
        database.update("DELETE FROM audit_entry WHERE sequence_no = 3");
        // A consistent-looking row: its hash is right for its content, but it links to entry 1.
        StoredEntry forged = EntryDraft.of("intruder", "STAFF", null, "account.issued", "SUCCESS", "account",
                "intruder", entry.detail()).chain(3, entry.occurredAt(), database.entry(1).hash(), keys.chainKey().mac());
        database.insert(forged);

        ChainVerification result = log.verify();

        assertEquals(3, result.firstBroken());
        assertTrue(result.reason().startsWith("Запись № 3 не продолжает цепочку"), result.reason());
    }

    @Test
    void aForgedEntryAppendedWithTheHeadMovedIsNamed() throws Exception {
        appendFive();
        StoredEntry forged = EntryDraft.of("intruder", "STAFF", null, "account.issued", "SUCCESS", "account",
                "intruder", "{\"after\":{},\"before\":{}}").chain(6, 1L, database.entry(4).hash(), keys.chainKey().mac());
        database.insert(forged);
        database.update("UPDATE audit_head SET last_sequence = 6, last_hash = ? WHERE id = 1", forged.hash());

        ChainVerification result = log.verify();

        assertEquals(6, result.firstBroken());
        assertTrue(result.reason().contains("не продолжает цепочку"), result.reason());
    }

    @Test
    void anEntryAppendedBehindTheHeadsBackIsNamed() throws Exception {
        appendFive();
        database.insert(EntryDraft.of("intruder", "STAFF", null, "x.y", "SUCCESS", null, null,
                "{\"after\":{},\"before\":{}}").chain(6, 1L, database.entry(5).hash(), keys.chainKey().mac()));

        ChainVerification result = log.verify();

        assertEquals(6, result.firstBroken());
        assertTrue(result.reason().contains("не учтены в заголовке"), result.reason());
        // The stray row holds the next number, so no entry can be appended until it is dealt with;
        // verify still reports why instead of failing on its own record.
        assertEquals(6, database.count("SELECT COUNT(*) FROM audit_entry"));
    }

    @Test
    void concurrentAppendersGiveOneContiguousIntactChain() throws Exception {
        int threads = 4;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Caller caller = Caller.platformAdministrator("admin" + t, "10.0.0." + t);
                Callable<List<Long>> appender = () -> {
                    start.await();
                    return callers.callAs(caller, () -> appendMany(perThread));
                };
                results.add(pool.submit(appender));
            }
            start.countDown();
            Set<Long> sequences = new TreeSet<>();
            for (Future<List<Long>> result : results) {
                sequences.addAll(result.get(2, TimeUnit.MINUTES));
            }
            assertEquals(LongStream.rangeClosed(1, threads * perThread).boxed().toList(), List.copyOf(sequences));
        } finally {
            pool.shutdownNow();
        }

        assertEquals(800, database.count("SELECT COUNT(*) FROM audit_entry"));
        assertEquals(1, database.count("SELECT MIN(sequence_no) FROM audit_entry"));
        assertEquals(800, database.count("SELECT MAX(sequence_no) FROM audit_entry"));
        assertEquals(800, database.count("SELECT last_sequence FROM audit_head"));
        assertEquals(200, database.count("SELECT COUNT(*) FROM audit_entry WHERE actor = 'admin2'"));
        assertEquals(new ChainVerification(800, 0, null), log.verify());
    }

    private List<Long> appendMany(int count) {
        List<Long> sequences = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            AuditEntry entry = log.record(AuditEvent.success(AuditActions.UPDATED, "school", Integer.toString(i))
                    .withChange(Map.of("name", "Школа " + i), Map.of("name", "Гимназия " + i)));
            sequences.add(entry.sequence());
        }
        return sequences;
    }

    private void appendFive() throws Exception {
        Caller staff = Caller.platformAdministrator("root", "127.0.0.1");
        callers.runAs(staff, () -> {
            log.record(AuditEvent.success(AuditActions.LOGIN, null, null));
            log.record(AuditEvent.success(AuditActions.CREATED, "school", "77001")
                    .withChange(Map.of(), Map.of("name", "Школа № 1")));
            log.record(AuditEvent.success(AuditActions.UPDATED, "participant", "12")
                    .withChange(Map.of("фамилия", "Иванов"), Map.of("фамилия", "Петров")));
            log.record(AuditEvent.denied(AuditActions.ACCESS_DENIED, "permission", "AUDIT_READ"));
            log.record(AuditEvent.success(AuditActions.LOGOUT, null, null));
        });
        assertEquals(5, database.count("SELECT COUNT(*) FROM audit_entry"));
    }
}
