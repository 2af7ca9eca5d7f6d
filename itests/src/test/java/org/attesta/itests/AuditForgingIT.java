package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Someone with write access to the database changes an entry's actor and recomputes the
 * chain and the head the way the schema suggests (plain SHA-256): in the running distribution
 * the REST check and the shell command name that entry, and the signed anchors outside the
 * database are there, private and genuine. Signatures and hashes are checked here with the
 * JDK alone, as an auditor with the public key would.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuditForgingIT extends AttestaTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NODE = "it-node-a";

    @Inject
    @Filter("(osgi.jndi.service.name=attesta)")
    private DataSource database;

    @Inject
    private BundleContext bundles;

    @Configuration
    public Option[] config() {
        return baseConfig(editConfigurationFilePut("etc/org.attesta.audit.cfg", "node", NODE));
    }

    @Test
    public void aChainRecomputedWithoutTheKeyIsNamedAtTheForgedEntryAndTheAnchorsAreGenuine() throws Exception {
        Api admin = api().awaitReady();
        for (int i = 0; i < 3; i++) {
            assertEquals(0, admin.get("audit/verify").json().get("firstBroken").asLong());
        }
        long anchored = anchorByRestartingTheLog(admin);

        Path anchors = Path.of(System.getProperty("karaf.data"), "audit", "anchors.log");
        assertTrue(Set.of("rw-------", "rw-r-----").contains(
                PosixFilePermissions.toString(Files.getPosixFilePermissions(anchors))));
        Path etc = Path.of(System.getProperty("karaf.etc"), "keys");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                etc.resolve("attesta-audit.key"))));
        PublicKey key = publicKey(etc.resolve("attesta-audit-anchor.pub"));
        List<String> lines = Files.readAllLines(anchors, StandardCharsets.UTF_8);
        for (String line : lines) {
            assertTrue("anchor verifies with the exported public key: " + line, verifies(line, key));
        }
        JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
        assertEquals(NODE, last.get("node").asText());
        assertEquals(anchored, last.get("sequence").asLong());
        assertEquals(hashOf(anchored), last.get("hash").asText());

        JsonNode intact = admin.get("audit/verify").json();
        assertEquals(intact.toString(), 0, intact.get("firstBroken").asLong());
        assertEquals(intact.toString(), anchored, intact.get("anchoredSequence").asLong());
        assertTrue(intact.toString(), intact.get("anchors").asInt() >= 1);
        assertTrue(shell("attesta:audit-verify").contains("последний подтверждает запись № " + anchored));

        long victim = Math.max(1, anchored - 2);
        recomputeWithPlainSha256(victim, "someone-else");

        JsonNode broken = admin.get("audit/verify").json();
        assertEquals(broken.toString(), victim, broken.get("firstBroken").asLong());
        assertTrue(broken.toString(), broken.get("reason").asText().contains("пересчитан без ключа"));
        String printed = shell("attesta:audit-verify");
        assertTrue(printed, printed.contains("Журнал аудита нарушен: запись № " + victim + "."));
    }

    /**
     * A stopping audit log anchors its head, as at a server's shutdown: this way the test need
     * not wait for the ten-minute timer.
     */
    private long anchorByRestartingTheLog(Api admin) throws Exception {
        long head = headSequence();
        Bundle audit = Arrays.stream(bundles.getBundles())
                .filter(b -> "org.attesta.audit".equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("the audit bundle is not installed"));
        audit.stop();
        audit.start();
        Path anchors = Path.of(System.getProperty("karaf.data"), "audit", "anchors.log");
        Poll.until(STARTUP, "an anchor at entry " + head + " or later", () -> Files.exists(anchors)
                && JSON.readTree(lastLine(anchors)).get("sequence").asLong() >= head);
        Poll.until(STARTUP, "the audit log back after its restart", () -> admin.get("audit/verify").status() == 200);
        return JSON.readTree(lastLine(anchors)).get("sequence").asLong();
    }

    private static String lastLine(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "{\"sequence\":-1}" : lines.get(lines.size() - 1);
    }

    /** Changes one actor and rewrites every later entry and the head with plain SHA-256, as a forger would. */
    private void recomputeWithPlainSha256(long from, String actor) throws Exception {
        try (Connection c = database.getConnection()) {
            String previous = from == 1 ? "0".repeat(64) : hashOf(from - 1);
            try (PreparedStatement read = c.prepareStatement("SELECT sequence_no, occurred_at, actor, actor_kind,"
                    + " address, action, outcome, object_type, object_id, detail FROM audit_entry"
                    + " WHERE sequence_no >= ? ORDER BY sequence_no");
                    PreparedStatement write = c.prepareStatement(
                            "UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ? WHERE sequence_no = ?")) {
                read.setLong(1, from);
                try (ResultSet row = read.executeQuery()) {
                    while (row.next()) {
                        long sequence = row.getLong(1);
                        String who = sequence == from ? actor : row.getString(3);
                        String hash = sha256("attesta-audit-1", previous, Long.toString(sequence),
                                Long.toString(row.getLong(2)), who, row.getString(4), row.getString(5),
                                row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                                row.getString(10));
                        write.setString(1, who);
                        write.setString(2, previous);
                        write.setString(3, hash);
                        write.setLong(4, sequence);
                        assertEquals(1, write.executeUpdate());
                        previous = hash;
                    }
                }
            }
            try (PreparedStatement head = c.prepareStatement("UPDATE audit_head SET last_hash = ? WHERE id = 1")) {
                head.setString(1, previous);
                assertEquals(1, head.executeUpdate());
            }
        }
    }

    private long headSequence() throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT last_sequence FROM audit_head WHERE id = 1");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private String hashOf(long sequence) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT hash FROM audit_entry WHERE sequence_no = ?")) {
            query.setLong(1, sequence);
            try (ResultSet row = query.executeQuery()) {
                assertTrue("entry " + sequence, row.next());
                return row.getString(1);
            }
        }
    }

    private static boolean verifies(String line, PublicKey key) throws Exception {
        JsonNode anchor = JSON.readTree(line);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(encode("attesta-audit-anchor-1", anchor.get("sequence").asText(), anchor.get("hash").asText(),
                anchor.get("legacyEnd").asText(), anchor.get("time").asText(), anchor.get("node").asText()));
        return verifier.verify(Base64.getDecoder().decode(anchor.get("signature").asText()));
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        assertTrue(text, text.startsWith("-----BEGIN PUBLIC KEY-----"));
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(body)));
    }

    private static String sha256(String... fields) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encode(fields)));
    }

    /** The documented encoding: each field as its UTF-8 length, ':' and its bytes; null as '-'. */
    private static byte[] encode(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : fields) {
            if (field == null) {
                out.write('-');
                continue;
            }
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
