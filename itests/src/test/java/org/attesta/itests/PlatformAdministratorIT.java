package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.attesta.api.audit.AuditEntry;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.audit.AuditOutcome;
import org.attesta.api.audit.AuditQuery;
import org.attesta.api.common.PageRequest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The platform administrator under Attesta's own protections, through real SSH: the
 * distribution's {@code bin/client} signs in to the container's SSH port, which Karaf checks
 * against the {@code karaf} realm, now served by Attesta.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformAdministratorIT extends AttestaTestSupport {

    @Inject
    private AuditLog audit;

    @Configuration
    public Option[] config() {
        // The other tests need no SSH server; this one signs in through it. Pax Exam takes the first
        // console option that says anything about the remote shell, so this one goes first.
        List<Option> options = new ArrayList<>();
        options.add(configureConsole().startRemoteShell());
        options.addAll(List.of(baseConfig()));
        return options.toArray(new Option[0]);
    }

    @Test
    public void credentialFilesAreOwnerOnlyAndHoldNoSha512() throws Exception {
        String password = adminPassword();
        Path etc = Path.of(System.getProperty("karaf.etc"));
        for (Path file : List.of(etc.resolve("platform-administrators.properties"), etc.resolve("users.properties"),
                Path.of(System.getProperty("karaf.data"), "admin-password.txt"))) {
            assertEquals(file.toString(), "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        String administrators = Files.readString(etc.resolve("platform-administrators.properties"));
        assertTrue(administrators, administrators.contains("admin = $argon2id$v=19$m=19456,t=2,p=1$"));
        assertFalse(administrators.contains(password));
        String karaf = Files.readString(etc.resolve("users.properties"));
        assertFalse("Karaf's own realm has nobody to let in: " + karaf, karaf.lines()
                .anyMatch(line -> !line.isBlank() && !line.startsWith("#")));
        for (String text : List.of(administrators, karaf)) {
            assertFalse("no unsalted SHA-512 is left", text.contains("{CRYPT}"));
        }
    }

    @Test
    public void aStaffAccountCannotTakeAPlatformLogin() {
        Api admin = api().awaitReady();
        for (String login : List.of("admin", "Karaf", "system")) {
            Api.Response refused = admin.post("accounts", "{\"login\":\"" + login + "\",\"displayName\":\"Тест\","
                    + "\"grants\":[{\"role\":\"TECHNICAL_SPECIALIST\",\"scope\":{\"level\":\"SCHOOL\",\"code\":\"1\"}}]}");
            assertEquals(refused.toString(), 409, refused.status());
            assertTrue(refused.contentType(), refused.contentType().startsWith("application/problem+json"));
            assertTrue(refused.body(), refused.body().contains("urn:attesta:problem:reserved-login"));
            assertTrue(refused.body(), refused.body().contains("зарезервировано"));
        }
        assertEquals(200, admin.get("municipalities").status());
        Exception shell = org.junit.Assert.assertThrows(Exception.class,
                () -> shell("attesta:account-issue -r REGION_OPERATOR root 'Тест'"));
        assertTrue(shell.getMessage(), shell.getMessage().contains("зарезервировано"));
    }

    @Test
    public void sshSignInIsThrottledAndAuditedAndTheAdministratorKeepsSigningIn() throws Exception {
        api().awaitReady();
        Instant start = Instant.now();
        // A second administrator added by hand, as docs/admin-guide.md describes: re-hashed at first use.
        Path users = Path.of(System.getProperty("karaf.etc"), "platform-administrators.properties");
        Files.writeString(users, "ops = Ops-password-2026,_g_:admingroup\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        Ssh first = ssh("ops", "Ops-password-2026");
        assertTrue("the right password opens the shell: " + first, first.signedIn());
        assertFalse("the typed password is gone from the file", Files.readString(users).contains("Ops-password-2026"));
        for (int i = 0; i < 5; i++) {
            assertFalse("a wrong password is refused", ssh("ops", "wrong-password-" + i).signedIn());
        }
        assertFalse("locked even for the right password", ssh("ops", "Ops-password-2026").signedIn());

        // An attempt has no actor: it is found by the login tried, its object.
        List<AuditEntry> refusals = audit.search(new AuditQuery(null, "platform-administrator", "ops", "auth.login",
                AuditOutcome.DENIED,
                start, null, new PageRequest(0, 50))).items();
        // The SSH client tries a refused password more than once per connection: every try counts.
        assertTrue(refusals.toString(), refusals.size() >= 6);
        assertTrue(refusals.toString(), refusals.stream()
                .filter(e -> "wrong-password-or-unknown".equals(e.after().get("reason"))).count() >= 5);
        for (AuditEntry entry : refusals) {
            assertEquals("an attempt is not the administrator's act", "ANONYMOUS", entry.actorKind());
            assertEquals(null, entry.actor());
            assertEquals("ops", entry.after().get("attemptedLogin"));
            assertEquals("ssh", entry.after().get("via"));
            assertEquals("PLATFORM_ADMINISTRATOR", entry.after().get("identity"));
            assertTrue(entry.address(), entry.address() != null && !entry.address().contains(":5"));
        }
        assertTrue(refusals.stream().anyMatch(e -> "locked".equals(e.after().get("reason"))));
        List<AuditEntry> signedIn = audit.search(new AuditQuery("ops", null, null, "auth.login", AuditOutcome.SUCCESS,
                start, null, new PageRequest(0, 50))).items();
        assertEquals(1, signedIn.size());
        assertEquals("PLATFORM_ADMINISTRATOR", signedIn.get(0).actorKind());

        Ssh admin = ssh("admin", adminPassword());
        assertTrue("another administrator is not locked: " + admin, admin.signedIn());
        assertEquals(200, api().get("municipalities").status());
    }

    /** Runs the distribution's SSH client against the container; its exit status and what it printed. */
    private static Ssh ssh(String user, String password) throws Exception {
        Path home = Path.of(System.getProperty("karaf.home"));
        Path output = Files.createTempFile("ssh", ".out");
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1",
                "-a", sshPort(), "-u", user, "-p", password, "-r", "1", "-b")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        client.getOutputStream().write("shell:echo signed-in\n".getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("bin/client did not finish");
        }
        Ssh result = new Ssh(client.exitValue(), Files.readString(output));
        Files.delete(output);
        return result;
    }

    private record Ssh(int status, String output) {
        boolean signedIn() {
            return status == 0 && output.contains("signed-in");
        }
    }

    private static String sshPort() throws IOException {
        Properties shell = new Properties();
        try (var in = Files.newBufferedReader(Path.of(System.getProperty("karaf.etc"), "org.apache.karaf.shell.cfg"))) {
            shell.load(in);
        }
        return shell.getProperty("sshPort").strip();
    }
}
