package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.ChainVerification;
import org.attesta.api.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone with write access to the database, but not to the key files, changes an entry and
 * rewrites the chain and the head: verification names the first forged entry.
 */
class AuditForgingTest {
    private AuditDatabase database;
    private final TestCallerContext callers = new TestCallerContext();
    private final AuditKeys keys = TestKeys.random();
    @TempDir
    Path directory;
    private AnchorFile anchors;
    private JdbcAuditLog log;

    @BeforeEach
    void setUp() throws Exception {
        database = new AuditDatabase();
        anchors = new AnchorFile(directory.resolve("audit").resolve("anchors.log"));
        log = new JdbcAuditLog(database.dataSource(), callers, new TestAccessPolicy(),
                new TestClock(Instant.parse("2026-03-01T09:00:00Z")), keys, anchors, "node-a");
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aChainRecomputedWithPlainSha256AfterChangingAnActorIsNamedAtTheChangedEntry() throws Exception {
        appendFive();

        rewriteFrom(2, "someone-else", ChainHash.KEYED, (entry, prev) -> plainHash(entry, prev));

        ChainVerification result = log.verify();
        assertEquals(2, result.firstBroken(), result.reason());
        assertTrue(result.reason().contains("пересчитан без ключа"), result.reason());
    }

    @Test
    void aChainRecomputedUnderAnotherKeyIsNamedAtTheChangedEntry() throws Exception {
        appendFive();
        Mac wrong = TestKeys.random().chainKey().mac();

        rewriteFrom(3, "someone-else", ChainHash.KEYED, (entry, prev) -> keyedHash(wrong, entry, prev));

        ChainVerification result = log.verify();
        assertEquals(3, result.firstBroken(), result.reason());
        assertTrue(result.reason().startsWith("Содержимое записи № 3 изменено"), result.reason());
        assertTrue(result.reason().contains("ключом журнала"), result.reason());
    }

    @Test
    void entriesRelabelledAsWrittenBeforeTheKeyAreNamed() throws Exception {
        appendFive();

        rewriteFrom(2, "someone-else", ChainHash.PLAIN, (entry, prev) -> plainHash(entry, prev));

        ChainVerification result = log.verify();
        assertEquals(2, result.firstBroken(), result.reason());
        assertTrue(result.reason().contains("перед ней уже есть записи с ключом"), result.reason());
    }

    @Test
    void aWholeChainRebuiltAsPlainEntriesIsCaughtByTheFirstAnchor() throws Exception {
        Anchor genesis = log.anchor();
        assertNotNull(genesis, "the first start anchors even an empty log");
        assertEquals(0, genesis.sequence());
        appendFive();

        rewriteFrom(1, "someone-else", ChainHash.PLAIN, (entry, prev) -> plainHash(entry, prev));

        ChainVerification result = log.verify();
        assertEquals(1, result.firstBroken(), result.reason());
        assertTrue(result.reason().contains("кончаются на № 0"), result.reason());
    }

    @Test
    void aChainRewrittenWithTheChainKeyButNotTheSigningKeyIsCaughtByTheAnchor() throws Exception {
        appendFive();
        assertEquals(5, log.anchor().sequence());
        Mac stolen = keys.chainKey().mac();

        rewriteFrom(4, "someone-else", ChainHash.KEYED, (entry, prev) -> keyedHash(stolen, entry, prev));

        ChainVerification result = log.verify();
        assertEquals(5, result.firstBroken(), result.reason());
        assertTrue(result.reason().contains("не совпадает с подписанным якорем"), result.reason());
        assertTrue(result.reason().contains("node-a"), result.reason());
    }

    @Test
    void deletedLastEntriesWithTheHeadMovedBackAreCaughtByTheAnchor() throws Exception {
        appendFive();
        log.anchor();
        database.update("DELETE FROM audit_entry WHERE sequence_no >= 4");
        database.update("UPDATE audit_head SET last_sequence = 3, last_hash = ? WHERE id = 1",
                database.entry(3).hash());

        ChainVerification result = log.verify();

        assertEquals(4, result.firstBroken(), result.reason());
        assertTrue(result.reason().contains("заканчивается записью № 3"), result.reason());
        assertTrue(result.reason().contains("подтверждает запись № 5"), result.reason());
        assertEquals(3, result.entries());
        assertEquals(5, result.anchoredSequence());
    }

    @Test
    void aTamperedAnchorLineIsReported() throws Exception {
        appendFive();
        Anchor anchor = log.anchor();
        Path file = anchors.path();
        String line = Files.readString(file, StandardCharsets.UTF_8);
        // Claims an older time: the values are still well-formed, only the signature no longer fits.
        Files.writeString(file, line.replace(anchor.time().toString(), "2026-01-01T00:00:00Z"),
                StandardCharsets.UTF_8);

        ChainVerification result = log.verify();

        assertEquals(5, result.firstBroken(), result.reason());
        assertTrue(result.reason().startsWith("Подпись якоря в строке 1 файла якорей неверна"), result.reason());
        assertEquals(1, result.anchors());
        assertEquals(0, result.anchoredSequence());
    }

    @Test
    void anIntactChainReportsItsLastAnchor() throws Exception {
        appendFive();
        Anchor anchor = log.anchor();

        ChainVerification result = log.verify();

        assertEquals(new ChainVerification(5, 0, null, 1, 5, anchor.time()), result);
    }

    @Test
    void anAnchorIsWrittenOnlyWhenTheHeadHasMovedAndOnlyForAnIntactChain() throws Exception {
        appendFive();
        Anchor first = log.anchor();
        assertNull(log.anchor(), "the head has not moved");
        log.record(AuditEvent.success(AuditActions.LOGOUT, null, null));
        Anchor second = log.anchor();
        assertEquals(6, second.sequence());
        assertEquals(database.entry(6).hash(), second.hash());

        database.update("UPDATE audit_entry SET actor = 'someone-else' WHERE sequence_no = 6");
        log.record(AuditEvent.success(AuditActions.LOGIN, null, null));
        assertNull(log.anchor(), "a broken chain is not anchored");

        List<String> lines = anchors.lines();
        assertEquals(List.of(first.json(), second.json()), lines);
        AnchorSet read = AnchorSet.of(lines, keys.verifyingKey());
        assertEquals(2, read.valid().size());
        assertEquals(List.of(), read.rejected());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(anchors.path())));
    }

    @Test
    void stoppingTheLogAnchorsWhatItWrote() throws Exception {
        appendFive();

        log.stop();

        Anchor last = AnchorSet.lastOf(anchors.lines(), keys.verifyingKey());
        assertEquals(5, last.sequence());
        assertEquals("node-a", last.node());
    }

    @Test
    void anAnchorLineVerifiesWithThePublicKeyAlone() throws Exception {
        appendFive();
        Anchor anchor = log.anchor();

        Anchor read = Anchor.parse(anchors.lines().get(0));

        assertEquals(anchor, read);
        assertTrue(read.verifiedBy(keys.verifyingKey()));
        assertTrue(!read.verifiedBy(TestKeys.random().verifyingKey()), "another node's key does not verify it");
    }

    /**
     * Sets the actor of entry {@code from} and rewrites every entry from there on, and the head,
     * the way a forger with database access would.
     */
    private void rewriteFrom(long from, String actor, int scheme, BiFunction<StoredEntry, String, String> hasher)
            throws Exception {
        long last = database.count("SELECT MAX(sequence_no) FROM audit_entry");
        String previous = from == 1 ? ChainHash.GENESIS : database.entry(from - 1).hash();
        for (long sequence = from; sequence <= last; sequence++) {
            StoredEntry stored = database.entry(sequence);
            StoredEntry changed = new StoredEntry(stored.sequence(), stored.occurredAt(),
                    sequence == from ? actor : stored.actor(), stored.actorKind(), stored.address(), stored.action(),
                    stored.outcome(), stored.objectType(), stored.objectId(), stored.detail(), previous, null, scheme);
            previous = hasher.apply(changed, previous);
            database.update("UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ?, chain_scheme = ?"
                    + " WHERE sequence_no = ?", changed.actor(), changed.prevHash(), previous, scheme, sequence);
        }
        database.update("UPDATE audit_head SET last_hash = ? WHERE id = 1", previous);
    }

    private static String plainHash(StoredEntry entry, String prev) {
        return ChainHash.of(prev, entry.sequence(), entry.occurredAt(), entry.actor(), entry.actorKind(),
                entry.address(), entry.action(), entry.outcome(), entry.objectType(), entry.objectId(), entry.detail());
    }

    private static String keyedHash(Mac mac, StoredEntry entry, String prev) {
        return ChainHash.keyed(mac, prev, entry.sequence(), entry.occurredAt(), entry.actor(), entry.actorKind(),
                entry.address(), entry.action(), entry.outcome(), entry.objectType(), entry.objectId(), entry.detail());
    }

    private void appendFive() throws Exception {
        callers.runAs(Caller.platformAdministrator("root", "127.0.0.1"), () -> {
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
