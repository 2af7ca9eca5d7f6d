package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.ChainVerification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database filled by the code before the chain key (plain SHA-256 entries, written with the
 * old INSERT, which does not know chain_scheme) keeps verifying after the upgrade; new entries
 * are keyed and chain onto the old head, and the first anchor fixes where the old part ends.
 */
class LegacyChainUpgradeTest {
    /** The statement the audit log used before migration 008. */
    private static final String OLD_INSERT = "INSERT INTO audit_entry (sequence_no, occurred_at, actor, actor_kind,"
            + " address, action, outcome, object_type, object_id, detail, prev_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DETAIL = "{\"after\":{},\"before\":{}}";

    private AuditDatabase database;
    private final AuditKeys keys = TestKeys.random();
    @TempDir
    Path directory;
    private JdbcAuditLog log;

    @BeforeEach
    void setUp() throws Exception {
        database = new AuditDatabase();
        log = new JdbcAuditLog(database.dataSource(), new TestCallerContext(), new TestAccessPolicy(),
                new TestClock(Instant.parse("2026-03-01T09:00:00Z")), keys,
                new AnchorFile(directory.resolve("anchors.log")), "node-a");
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void theOldPartIsVerifiedAnchoredAndContinuedWithKeyedEntries() throws Exception {
        String oldHead = writeOldEntries(3);

        Anchor upgrade = log.anchor();
        assertEquals(3, upgrade.sequence());
        assertEquals(oldHead, upgrade.hash());
        assertEquals(3, upgrade.legacyEnd());

        log.record(AuditEvent.success(AuditActions.LOGIN, null, null));
        log.record(AuditEvent.success(AuditActions.LOGOUT, null, null));
        StoredEntry first = database.entry(4);
        assertEquals(ChainHash.KEYED, first.scheme());
        assertEquals(oldHead, first.prevHash());
        assertEquals(ChainHash.PLAIN, database.entry(3).scheme());

        ChainVerification result = log.verify();
        assertEquals(0, result.firstBroken(), result.reason());
        assertEquals(5, result.entries());
        assertEquals(3, log.anchor().legacyEnd(), "later anchors keep the end of the old part");
    }

    @Test
    void aKeyedEntryTurnedIntoAnOldOneAfterTheUpgradeIsNamed() throws Exception {
        writeOldEntries(3);
        log.anchor();
        log.record(AuditEvent.success(AuditActions.LOGIN, null, null));
        StoredEntry keyed = database.entry(4);
        StoredEntry forged = new StoredEntry(4, keyed.occurredAt(), "someone-else", keyed.actorKind(),
                keyed.address(), keyed.action(), keyed.outcome(), keyed.objectType(), keyed.objectId(),
                keyed.detail(), keyed.prevHash(), null, ChainHash.PLAIN);
        String hash = forged.plainHash();
        database.update("UPDATE audit_entry SET actor = ?, hash = ?, chain_scheme = 1 WHERE sequence_no = 4",
                forged.actor(), hash);
        database.update("UPDATE audit_head SET last_hash = ? WHERE id = 1", hash);

        ChainVerification result = log.verify();

        assertEquals(4, result.firstBroken(), result.reason());
        assertTrue(result.reason().contains("кончаются на № 3"), result.reason());
    }

    @Test
    void anOldEntryChangedBeforeTheUpgradeIsNamedAndNotAnchored() throws Exception {
        writeOldEntries(3);
        database.update("UPDATE audit_entry SET actor = 'someone-else' WHERE sequence_no = 2");

        assertNull(log.anchor(), "a broken old part is not vouched for");

        ChainVerification result = log.verify();
        assertEquals(2, result.firstBroken(), result.reason());
        assertTrue(result.reason().startsWith("Содержимое записи № 2 изменено"), result.reason());
        assertEquals(List.of(), new AnchorFile(directory.resolve("anchors.log")).lines());
    }

    /** Entries as the old code wrote them: plain SHA-256, and the head moved with them. */
    private String writeOldEntries(int count) throws Exception {
        String previous = ChainHash.GENESIS;
        for (int sequence = 1; sequence <= count; sequence++) {
            long at = 1_770_000_000_000L + sequence;
            String hash = ChainHash.of(previous, sequence, at, "ivanov", "STAFF", "10.0.0.7", "updated", "SUCCESS",
                    "school", "7700" + sequence, DETAIL);
            database.update(OLD_INSERT, (long) sequence, at, "ivanov", "STAFF", "10.0.0.7", "updated", "SUCCESS",
                    "school", "7700" + sequence, DETAIL, previous, hash);
            previous = hash;
        }
        database.update("UPDATE audit_head SET last_sequence = ?, last_hash = ? WHERE id = 1", (long) count, previous);
        return previous;
    }
}
