package org.attesta.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;
import org.junit.After;
import org.junit.Before;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.ops4j.pax.exam.options.extra.VMOption;

/**
 * Boots the distribution users run (the built tar.gz) in a fresh folder, on free ports, and
 * gives tests an HTTP client with the first administrator's generated password.
 */
public abstract class AttestaTestSupport {
    static final Duration STARTUP = Duration.ofSeconds(120);

    @Inject
    protected SessionFactory sessionFactory;

    @Inject
    protected CallerContext callers;

    private CallerContext.Binding administrator;

    /**
     * Tests that call services directly act as a platform administrator, as the shell does:
     * every service checks the caller bound to the thread.
     */
    @Before
    public void actAsAdministrator() {
        administrator = callers.bind(Caller.platformAdministrator("itest", "127.0.0.1"));
    }

    @After
    public void release() {
        if (administrator != null) {
            administrator.close();
        }
    }

    protected Option[] baseConfig(Option... extra) {
        String dist = System.getProperty("attesta.dist");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(dist).toURI().toString())
                        .name("Attesta").unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevelOption.LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(HTTP_PORT)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                systemProperty("attesta.test.httpPort").value(Integer.toString(HTTP_PORT)),
                systemProperty("pax.exam.service.timeout").value("120000"),
                new VMOption("-Xmx512m"),
                new VMOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true")));
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /** Chosen once per test class in the driver JVM and handed to the container as a property. */
    private static final int HTTP_PORT = freePort();

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A REST client for the API of the running container, logged in as the first administrator. */
    protected Api api() {
        return new Api(Integer.getInteger("attesta.test.httpPort"), "admin", adminPassword());
    }

    /** The password the distribution generated at first start (data/admin-password.txt). */
    protected static String adminPassword() {
        Path file = Path.of(System.getProperty("karaf.data"), "admin-password.txt");
        Poll.until(STARTUP, "the generated administrator password in " + file, () -> Files.exists(file) && Files.size(file) > 0);
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a shell command as a person would type it and returns what it printed. */
    protected String shell(String command) throws Exception {
        return shellAs(command, "admin");
    }

    /**
     * Runs a shell command as a signed-in Karaf user holding one role, as ssh would: the command
     * ACL (etc/org.apache.karaf.command.acl.attesta.cfg) decides on that role.
     */
    protected String shellAs(String command, String role) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("itest-" + role));
        subject.getPrincipals().add(new RolePrincipal(role));
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Void>) () -> {
                Session session = sessionFactory.create(System.in, out, out);
                try {
                    Object result = session.execute(command);
                    if (result != null) {
                        out.println(result);
                    }
                } finally {
                    session.close();
                }
                return null;
            });
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
