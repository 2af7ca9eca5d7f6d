package org.attesta.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.sql.DataSource;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.audit.AuditEntry;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.audit.AuditOutcome;
import org.attesta.api.audit.AuditQuery;
import org.attesta.api.audit.ChainVerification;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.attesta.api.security.AccessPolicy;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Territory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The audit log in the tables audit_head and audit_entry, with plain JDBC. Appends are
 * serialised by the row lock on audit_head, so the chain stays one line even when several
 * nodes share the database. Each entry's hash is keyed with a secret kept outside the
 * database, and at intervals a signed anchor of the chain's end is written outside it too, so
 * that a rewritten chain is caught. Detail values may hold personal data: they are never logged.
 */
@Component(service = AuditLog.class, configurationPid = JdbcAuditLog.PID)
@Designate(ocd = JdbcAuditLog.Config.class)
public class JdbcAuditLog implements AuditLog {
    static final String PID = "org.attesta.audit";

    @ObjectClassDefinition(name = "Attesta audit log",
            description = "The keyed audit chain and its signed anchors, kept outside the database")
    public @interface Config {
        @AttributeDefinition(description = "Chain key file (HMAC-SHA256); a relative path is under the Karaf etc "
                + "directory. Created on first start. Every node needs the same file; back it up apart from the "
                + "database: without it the log cannot be verified.")
        String key_file() default "keys/attesta-audit.key";

        @AttributeDefinition(description = "Anchor signing key pair (Ed25519), under etc when relative; the public "
                + "half is written beside it as a .pub file for auditors. Every node needs the same file.")
        String signing_key_file() default "keys/attesta-audit-anchor.key";

        @AttributeDefinition(description = "This node's anchor file, one signed JSON line each; a relative path is "
                + "under the Karaf data directory")
        String anchor_file() default "audit/anchors.log";

        @AttributeDefinition(description = "Minutes between anchors; an anchor is written only when the chain has "
                + "grown, and once more when the log stops", min = "1")
        int anchor_interval_minutes() default 10;

        @AttributeDefinition(description = "The node name written into anchors; empty for the host name")
        String node() default "";
    }

    private static final System.Logger LOG = System.getLogger(JdbcAuditLog.class.getName());
    /** Anchors go to the Karaf log too, under their own category, so a log collector keeps a copy. */
    private static final System.Logger ANCHOR_LOG = System.getLogger("org.attesta.audit.anchor");

    /** Deadlock and serialization failures (PostgreSQL, Derby): the append can simply run again. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "40XL1", "40XL2");
    private static final int ATTEMPTS = 5;
    /** Rows per round trip while verifying, so that a long log streams in constant memory. */
    private static final int FETCH_SIZE = 1000;

    private static final String LOCK_HEAD = "UPDATE audit_head SET last_sequence = last_sequence + 1 WHERE id = 1";
    private static final String READ_HEAD = "SELECT last_sequence, last_hash FROM audit_head WHERE id = 1";
    private static final String SET_HEAD_HASH = "UPDATE audit_head SET last_hash = ? WHERE id = 1";

    private final DataSource dataSource;
    private final CallerContext callers;
    /**
     * The policy refers back to this log (to record refusals), so this side of the circle is
     * optional and bound after activation; until it is, nobody may search or verify.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AccessPolicy policy;
    private final Clock clock;
    private final DetailJson details = new DetailJson();
    private final AuditKeys keys;
    private final AnchorFile anchors;
    private final String node;
    private ScheduledExecutorService anchoring;

    @Activate
    public JdbcAuditLog(@Reference(target = "(osgi.jndi.service.name=attesta)") DataSource dataSource,
            @Reference CallerContext callers, Config config) throws IOException {
        this(dataSource, callers, null, Clock.systemUTC(),
                AuditKeys.loadOrCreate(under("karaf.etc", config.key_file()),
                        under("karaf.etc", config.signing_key_file()), new SecureRandom()),
                new AnchorFile(under("karaf.data", config.anchor_file())), nodeName(config.node()));
        startAnchoring(Math.max(1, config.anchor_interval_minutes()));
    }

    /** For tests, with a clock, keys and an anchor file they control, and no timer. */
    JdbcAuditLog(DataSource dataSource, CallerContext callers, AccessPolicy policy, Clock clock, AuditKeys keys,
            AnchorFile anchors, String node) {
        this.dataSource = dataSource;
        this.callers = callers;
        this.policy = policy;
        this.clock = clock;
        this.keys = keys;
        this.anchors = anchors;
        this.node = node;
    }

    /**
     * The first run, at once, also covers the upgrade: with no anchor yet it verifies the whole
     * chain (entries from before the key included) and anchors it.
     */
    private void startAnchoring(int minutes) {
        anchoring = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "attesta-audit-anchor");
            thread.setDaemon(true);
            return thread;
        });
        anchoring.scheduleWithFixedDelay(this::anchorQuietly, 0, minutes, TimeUnit.MINUTES);
    }

    /** One last anchor, so that what this node wrote up to its stop is vouched for. */
    @Deactivate
    void stop() throws InterruptedException {
        if (anchoring != null) {
            anchoring.shutdownNow();
            anchoring.awaitTermination(10, TimeUnit.SECONDS);
        }
        anchorQuietly();
    }

    private void anchorQuietly() {
        try {
            anchor();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "Could not write an audit anchor to " + anchors.path(), e);
        }
    }

    /**
     * Writes a signed anchor for the chain's end when it has moved since the last anchor (or
     * when there is none), after checking the entries since then: a broken chain is never
     * anchored, or the anchor would vouch for the forgery.
     *
     * @return the anchor written, or null
     */
    synchronized Anchor anchor() throws IOException {
        Anchor last = AnchorSet.lastOf(anchors.lines(), keys.verifyingKey());
        Mac mac = keys.chainKey().mac();
        ChainVerifier verifier = last == null ? ChainVerifier.full(mac, AnchorSet.NONE) : ChainVerifier.after(last, mac);
        ChainVerification result = scan(verifier, last == null ? Long.MIN_VALUE : last.sequence());
        if (!result.intact()) {
            LOG.log(Level.ERROR, "The audit chain is broken at entry {0}: no anchor written until it is resolved",
                    result.firstBroken());
            return null;
        }
        if (last != null && verifier.lastSequence() == last.sequence()) {
            return null;
        }
        Anchor anchor = Anchor.sign(verifier.lastSequence(), verifier.lastHash(), verifier.plainEnd(),
                clock.instant(), node, keys.signingKey());
        anchors.append(anchor);
        ANCHOR_LOG.log(Level.INFO, "Audit anchor {0}", anchor.json());
        return anchor;
    }

    private static Path under(String directoryProperty, String file) {
        Path path = Path.of(file);
        String directory = System.getProperty(directoryProperty);
        return path.isAbsolute() || directory == null ? path : Path.of(directory).resolve(path);
    }

    private static String nodeName(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public AuditEntry record(AuditEvent event) {
        EntryDraft draft = draft(event);
        for (int attempt = 1;; attempt++) {
            try {
                return toEntry(append(draft));
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && isRetryable(e)) {
                    LOG.log(Level.DEBUG, "Audit append lost a lock race (SQLState {0}), attempt {1}",
                            e.getSQLState(), attempt);
                    continue;
                }
                // Only the action and the SQL state: the values may be personal data.
                LOG.log(Level.ERROR, "Could not record audit action {0} (SQLState {1})", event.action(),
                        e.getSQLState());
                throw new IllegalStateException("Журнал аудита недоступен: действие " + event.action()
                        + " не записано", e);
            }
        }
    }

    @Override
    public Page<AuditEntry> search(AuditQuery query) {
        requireAuditRead();
        AuditQuery criteria = query == null ? new AuditQuery(null, null, null, null, null, null, null, null) : query;
        PageRequest page = criteria.page() == null ? PageRequest.first() : criteria.page();
        SearchSql where = SearchSql.of(criteria);
        try (Connection c = dataSource.getConnection()) {
            List<AuditEntry> items = items(c, where, page);
            // Counted after the page, so appends in between cannot leave the total below what the page shows.
            long total = count(c, where);
            return new Page<>(items, items.isEmpty() ? total : Math.max(total, (long) page.offset() + items.size()));
        } catch (SQLException e) {
            throw new IllegalStateException("Журнал аудита недоступен: поиск не выполнен", e);
        }
    }

    @Override
    public ChainVerification verify() {
        requireAuditRead();
        ChainVerification result = scan(ChainVerifier.full(keys.chainKey().mac(), anchorSet()), Long.MIN_VALUE);
        if (!result.intact()) {
            LOG.log(Level.WARNING, "The audit chain is broken at entry {0} ({1} entries)", result.firstBroken(),
                    result.entries());
        }
        recordVerification(result);
        return result;
    }

    /**
     * Records the check. On a broken chain the append may fail for the very reason found (a
     * row slipped in past the head holds the next number): the finding matters more then.
     */
    private void recordVerification(ChainVerification result) {
        AuditEvent event = new AuditEvent(AuditActions.AUDIT_VERIFIED, AuditOutcome.SUCCESS, null, null, Map.of(),
                Map.of("entries", Long.toString(result.entries()), "firstBroken", Long.toString(result.firstBroken())),
                null);
        try {
            record(event);
        } catch (IllegalStateException e) {
            if (result.intact()) {
                throw e;
            }
            LOG.log(Level.ERROR, "The audit log cannot append after its broken entry {0}", result.firstBroken());
        }
    }

    /** Who acted, from the bound caller unless the event names the actor (a login attempt). */
    private EntryDraft draft(AuditEvent event) {
        Caller bound = callers.current();
        Caller caller = bound == null ? Caller.anonymous(null) : bound;
        String actor = event.actor() != null ? event.actor() : caller.login();
        DetailJson.Written detail = details.write(event.before(), event.after());
        if (detail.truncated()) {
            LOG.log(Level.WARNING, "The detail of audit action {0} was too long for the log and was shortened",
                    event.action());
        }
        return EntryDraft.of(actor, caller.kind().name(), caller.address(), event.action(), event.outcome().name(),
                event.objectType(), event.objectId(), detail.json());
    }

    /** One transaction: take the head's row lock, chain the entry to the head, move the head. */
    private StoredEntry append(EntryDraft draft) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                StoredEntry entry = appendIn(c, draft);
                c.commit();
                return entry;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private StoredEntry appendIn(Connection c, EntryDraft draft) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(LOCK_HEAD)) {
            if (lock.executeUpdate() != 1) {
                throw new IllegalStateException("audit_head has no row 1: the audit schema is incomplete");
            }
        }
        ChainHead head = head(c);
        // The clock is read under the lock, so times rise with sequence numbers on each node.
        StoredEntry entry = draft.chain(head.lastSequence(), clock.millis(), head.lastHash(), keys.chainKey().mac());
        try (PreparedStatement insert = c.prepareStatement(StoredEntry.INSERT)) {
            entry.bind(insert);
            insert.executeUpdate();
        }
        try (PreparedStatement move = c.prepareStatement(SET_HEAD_HASH)) {
            move.setString(1, entry.hash());
            move.executeUpdate();
        }
        return entry;
    }

    /** The chain's end, or null when the row is gone (only by hand). */
    private static ChainHead head(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(READ_HEAD); ResultSet row = query.executeQuery()) {
            return row.next() ? new ChainHead(row.getLong(1), row.getString(2)) : null;
        }
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    static boolean isRetryable(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && RETRYABLE.contains(state)) { // Set.of refuses contains(null)
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private List<AuditEntry> items(Connection c, SearchSql where, PageRequest page) throws SQLException {
        String sql = "SELECT " + StoredEntry.COLUMNS + " FROM audit_entry" + where.where()
                + " ORDER BY sequence_no DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        try (PreparedStatement query = c.prepareStatement(sql)) {
            int index = bind(query, where.parameters());
            query.setInt(index++, page.offset());
            query.setInt(index, page.size());
            List<AuditEntry> items = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(toEntry(StoredEntry.read(rows)));
                }
            }
            return items;
        }
    }

    private static long count(Connection c, SearchSql where) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM audit_entry" + where.where())) {
            bind(query, where.parameters());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Binds the parameters from 1 on; returns the next free index. */
    private static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            if (parameter instanceof Long number) {
                statement.setLong(index++, number);
            } else {
                statement.setString(index++, (String) parameter);
            }
        }
        return index;
    }

    private AnchorSet anchorSet() {
        try {
            return AnchorSet.of(anchors.lines(), keys.verifyingKey());
        } catch (IOException e) {
            throw new IllegalStateException("Файл якорей журнала аудита не читается: проверка не выполнена", e);
        }
    }

    /**
     * Reads the entries from number {@code from} on, in order, inside one read-only
     * transaction: PostgreSQL honours the fetch size only then, and otherwise loads the whole
     * log into memory.
     */
    private ChainVerification scan(ChainVerifier verifier, long from) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ChainHead before = head(c);
                try (PreparedStatement query = c.prepareStatement("SELECT " + StoredEntry.COLUMNS
                        + " FROM audit_entry WHERE sequence_no >= ? ORDER BY sequence_no")) {
                    query.setLong(1, from);
                    query.setFetchSize(FETCH_SIZE);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            verifier.accept(StoredEntry.read(rows));
                        }
                    }
                }
                return verifier.finish(before, head(c));
            } finally {
                c.rollback(); // nothing was written; ends the transaction and frees its locks
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Журнал аудита недоступен: проверка не выполнена", e);
        }
    }

    private AuditEntry toEntry(StoredEntry stored) {
        DetailJson.Change change = change(stored);
        return new AuditEntry(stored.sequence(), Instant.ofEpochMilli(stored.occurredAt()), stored.actor(),
                stored.actorKind(), stored.address(), stored.action(), outcome(stored), stored.objectType(),
                stored.objectId(), change.before(), change.after(), stored.hash());
    }

    /** A detail changed by hand may not parse; the entry is still shown, and verify() names it. */
    private DetailJson.Change change(StoredEntry stored) {
        try {
            return details.read(stored.detail());
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.log(Level.WARNING, "The detail of audit entry {0} is not readable JSON", stored.sequence());
            return new DetailJson.Change(Map.of(), Map.of());
        }
    }

    private static AuditOutcome outcome(StoredEntry stored) {
        try {
            return AuditOutcome.valueOf(stored.outcome());
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.log(Level.WARNING, "Audit entry {0} has an unknown outcome", stored.sequence());
            return null;
        }
    }

    private void requireAuditRead() {
        AccessPolicy current = policy;
        if (current == null) {
            throw new org.attesta.api.common.AccessDeniedException("Проверка прав ещё не запущена: повторите позже");
        }
        current.require(Permission.AUDIT_READ, Territory.region());
    }
}
