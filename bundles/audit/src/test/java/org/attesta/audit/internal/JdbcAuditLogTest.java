package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.audit.AuditEntry;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.AuditOutcome;
import org.attesta.api.audit.AuditQuery;
import org.attesta.api.common.AccessDeniedException;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerKind;
import org.attesta.api.security.RoleGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording and searching, against Derby with the real schema. */
class JdbcAuditLogTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Caller STAFF = new Caller(CallerKind.STAFF, "Ivanov", "Иванов И. И.", List.<RoleGrant>of(),
            "10.0.0.7", false);

    private AuditDatabase database;
    private final TestCallerContext callers = new TestCallerContext();
    private final TestAccessPolicy policy = new TestAccessPolicy();
    private final TestClock clock = new TestClock(T0);
    private JdbcAuditLog log;
    private final AuditKeys keys = TestKeys.random();
    @TempDir
    Path directory;

    @BeforeEach
    void setUp() throws Exception {
        database = new AuditDatabase();
        log = new JdbcAuditLog(database.dataSource(), callers, policy, clock, keys,
                new AnchorFile(directory.resolve("anchors.log")), "test-node");
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void recordsTheBoundCallerAndChainsToTheHead() throws Exception {
        AuditEntry first = callers.callAs(STAFF, () -> log.record(AuditEvent.success("participant.updated",
                "participant", "42")));
        AuditEntry second = callers.callAs(STAFF, () -> log.record(AuditEvent.success("participant.deleted",
                "participant", "43")));

        assertEquals(1, first.sequence());
        assertEquals(2, second.sequence());
        assertEquals("Ivanov", first.actor());
        assertEquals("STAFF", first.actorKind());
        assertEquals("10.0.0.7", first.address());
        assertEquals(T0, first.at());
        assertEquals(AuditOutcome.SUCCESS, first.outcome());
        assertEquals("participant", first.objectType());
        assertEquals("42", first.objectId());

        StoredEntry stored = database.entry(2);
        assertEquals(first.hash(), stored.prevHash());
        assertEquals(stored.keyedHash(keys.chainKey().mac()), second.hash());
        assertEquals(ChainHash.GENESIS, database.entry(1).prevHash());
        assertEquals(List.of(List.of(2L, second.hash())),
                database.query("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1"));
    }

    @Test
    void anExplicitActorWithAnAnonymousCallerIsAnonymous() {
        AuditEntry entry = callers.callAs(Caller.anonymous("192.0.2.1"), () -> log.record(
                AuditEvent.denied(AuditActions.LOGIN, null, null).byActor("petrov")));

        assertEquals("petrov", entry.actor());
        assertEquals("ANONYMOUS", entry.actorKind());
        assertEquals("192.0.2.1", entry.address());
        assertEquals(AuditOutcome.DENIED, entry.outcome());
    }

    @Test
    void anUnboundThreadRecordsAnAnonymousEntryWithoutActor() {
        AuditEntry entry = log.record(AuditEvent.success(AuditActions.LOGOUT, null, null));

        assertNull(entry.actor());
        assertEquals("ANONYMOUS", entry.actorKind());
        assertNull(entry.address());
    }

    @Test
    void detailRoundTripsCyrillicAndQuotes() throws Exception {
        Map<String, String> before = Map.of("фамилия", "Иванов \"старший\"", "note", "a\\b\nc'd");
        Map<String, String> after = Map.of("фамилия", "Петрова «Анна»", "снилс", "***-***-*** 00");
        AuditEntry recorded = callers.callAs(STAFF, () -> log.record(
                AuditEvent.success(AuditActions.UPDATED, "participant", "7").withChange(before, after)));

        assertEquals(before, recorded.before());
        assertEquals(after, recorded.after());
        assertEquals("{\"after\":{\"снилс\":\"***-***-*** 00\",\"фамилия\":\"Петрова «Анна»\"},"
                + "\"before\":{\"note\":\"a\\\\b\\nc'd\",\"фамилия\":\"Иванов \\\"старший\\\"\"}}",
                database.entry(1).detail());
        AuditEntry found = log.search(query(null, null, null, null, null, null, null, null)).items().get(0);
        assertEquals(before, found.before());
        assertEquals(after, found.after());
        assertTrue(log.verify().intact());
    }

    @Test
    void overLongValuesAreCutToFitTheirColumns() throws Exception {
        String huge = "я".repeat(20_000);
        AuditEntry entry = log.record(AuditEvent.denied(AuditActions.LOGIN, null, null)
                .byActor("x".repeat(500)).withDetail(Map.of("reason", huge)));

        assertEquals(100, entry.actor().length());
        assertTrue(entry.actor().endsWith("…"));
        String reason = entry.after().get("reason");
        assertTrue(reason.endsWith("[обрезано, было 20000 симв.]"), reason.substring(reason.length() - 40));
        assertTrue(database.entry(1).detail().length() <= DetailJson.MAX_LENGTH);
        assertTrue(log.verify().intact());
    }

    @Test
    void searchFiltersByActorIgnoringCase() {
        recordAs(STAFF, AuditEvent.success(AuditActions.UPDATED, "school", "1"));
        recordAs(Caller.platformAdministrator("admin", null), AuditEvent.success(AuditActions.UPDATED, "school", "1"));
        recordAs(STAFF, AuditEvent.success(AuditActions.DELETED, "school", "2"));

        Page<AuditEntry> page = log.search(query("ivanov", null, null, null, null, null, null, null));

        assertEquals(List.of(3L, 1L), sequences(page));
        assertEquals(2, page.total());
    }

    @Test
    void searchFiltersByObject() {
        recordAs(STAFF, AuditEvent.success(AuditActions.UPDATED, "school", "1"));
        recordAs(STAFF, AuditEvent.success(AuditActions.UPDATED, "participant", "1"));
        recordAs(STAFF, AuditEvent.success(AuditActions.UPDATED, "school", "2"));
        recordAs(STAFF, AuditEvent.success(AuditActions.DELETED, "school", "1"));

        assertEquals(List.of(4L, 1L), sequences(log.search(query(null, "school", "1", null, null, null, null, null))));
        assertEquals(List.of(4L, 3L, 1L), sequences(log.search(query(null, "school", null, null, null, null, null, null))));
    }

    @Test
    void searchFiltersByExactActionOrPrefix() {
        recordAs(STAFF, AuditEvent.success(AuditActions.ACCOUNT_ISSUED, "account", "a"));
        recordAs(STAFF, AuditEvent.success(AuditActions.ACCOUNT_RESET, "account", "a"));
        recordAs(STAFF, AuditEvent.success(AuditActions.LOGIN, null, null));
        recordAs(STAFF, AuditEvent.success("accounting.closed", null, null));

        assertEquals(List.of(2L, 1L), sequences(log.search(query(null, null, null, "account.", null, null, null, null))));
        assertEquals(List.of(2L), sequences(log.search(query(null, null, null, "account.reset", null, null, null, null))));
        assertEquals(List.of(), sequences(log.search(query(null, null, null, "account", null, null, null, null))));
    }

    @Test
    void likeWildcardsInAnActionPrefixAreLiteral() {
        recordAs(STAFF, AuditEvent.success("a_b.created", null, null));
        recordAs(STAFF, AuditEvent.success("axb.created", null, null));
        recordAs(STAFF, AuditEvent.success("a%b.created", null, null));
        recordAs(STAFF, AuditEvent.success("a!b.created", null, null));

        assertEquals(List.of(1L), sequences(log.search(query(null, null, null, "a_b.", null, null, null, null))));
        assertEquals(List.of(3L), sequences(log.search(query(null, null, null, "a%b.", null, null, null, null))));
        assertEquals(List.of(4L), sequences(log.search(query(null, null, null, "a!b.", null, null, null, null))));
        assertEquals(List.of(), sequences(log.search(query(null, null, null, "%.", null, null, null, null))));
    }

    @Test
    void searchFiltersByOutcome() {
        recordAs(STAFF, AuditEvent.success(AuditActions.LOGIN, null, null));
        recordAs(STAFF, AuditEvent.denied(AuditActions.LOGIN, null, null));
        recordAs(STAFF, new AuditEvent(AuditActions.IMPORTED, AuditOutcome.FAILED, null, null, null, null, null));
        recordAs(STAFF, AuditEvent.denied(AuditActions.ACCESS_DENIED, "permission", "AUDIT_READ"));

        assertEquals(List.of(4L, 2L),
                sequences(log.search(query(null, null, null, null, AuditOutcome.DENIED, null, null, null))));
        assertEquals(List.of(3L),
                sequences(log.search(query(null, null, null, null, AuditOutcome.FAILED, null, null, null))));
    }

    @Test
    void searchFiltersByTimeWindowFromInclusiveToExclusive() {
        for (int minute = 0; minute < 4; minute++) {
            clock.set(T0.plusSeconds(60L * minute));
            recordAs(STAFF, AuditEvent.success(AuditActions.UPDATED, "school", Integer.toString(minute)));
        }

        Page<AuditEntry> window = log.search(query(null, null, null, null, null, T0.plusSeconds(60),
                T0.plusSeconds(180), null));

        assertEquals(List.of(3L, 2L), sequences(window));
        assertEquals(T0.plusSeconds(120), window.items().get(0).at());
        assertEquals(List.of(4L), sequences(log.search(query(null, null, null, null, null, T0.plusSeconds(180),
                null, null))));
        assertEquals(List.of(1L), sequences(log.search(query(null, null, null, null, null, null,
                T0.plusSeconds(60), null))));
    }

    @Test
    void searchPagesNewestFirstWithTheTotal() {
        for (int i = 0; i < 7; i++) {
            recordAs(STAFF, AuditEvent.success(AuditActions.UPDATED, "school", Integer.toString(i)));
        }
        recordAs(Caller.system("demo"), AuditEvent.success(AuditActions.CREATED, "school", "x"));

        Page<AuditEntry> first = log.search(query("ivanov", null, null, null, null, null, null, new PageRequest(0, 3)));
        Page<AuditEntry> last = log.search(query("ivanov", null, null, null, null, null, null, new PageRequest(2, 3)));
        Page<AuditEntry> beyond = log.search(query("ivanov", null, null, null, null, null, null, new PageRequest(5, 3)));

        assertEquals(List.of(7L, 6L, 5L), sequences(first));
        assertEquals(7, first.total());
        assertEquals(List.of(1L), sequences(last));
        assertEquals(7, last.total());
        assertEquals(List.of(), sequences(beyond));
        assertEquals(7, beyond.total());
        assertEquals(8, log.search(null).total());
    }

    @Test
    void searchAndVerifyNeedAuditReadInTheRegion() throws Exception {
        recordAs(STAFF, AuditEvent.success(AuditActions.LOGIN, null, null));
        policy.deny();

        assertThrows(AccessDeniedException.class, () -> log.search(query(null, null, null, null, null, null, null,
                null)));
        assertThrows(AccessDeniedException.class, () -> log.verify());
        assertEquals(List.of("AUDIT_READ@region", "AUDIT_READ@region"), policy.checks());
        assertEquals(1, database.count("SELECT COUNT(*) FROM audit_entry"), "a refused verify records nothing");
    }

    private void recordAs(Caller caller, AuditEvent event) {
        callers.runAs(caller, () -> log.record(event));
    }

    private static AuditQuery query(String actor, String objectType, String objectId, String action,
            AuditOutcome outcome, Instant from, Instant to, PageRequest page) {
        return new AuditQuery(actor, objectType, objectId, action, outcome, from, to, page);
    }

    private static List<Long> sequences(Page<AuditEntry> page) {
        return page.items().stream().map(AuditEntry::sequence).toList();
    }
}
