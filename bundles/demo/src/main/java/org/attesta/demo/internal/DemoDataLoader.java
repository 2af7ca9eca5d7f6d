package org.attesta.demo.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.attesta.api.registry.AssignmentService;
import org.attesta.api.registry.ParticipantService;
import org.attesta.api.registry.RegistryService;
import java.util.List;
import java.util.Set;
import org.attesta.api.security.AccountDraft;
import org.attesta.api.security.AccountService;
import org.attesta.api.security.BulkIssueRequest;
import org.attesta.api.security.BulkIssueResult;
import org.attesta.api.security.Caller;
import org.attesta.api.security.Role;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Scope;
import org.attesta.api.security.CallerContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Loads the generated demo region into an empty registry, once, when configured to.
 *
 * <p>The load runs on a thread of its own so that it never delays the start of the container.
 * It only starts when the registry has no municipality, so a restart or a configuration change
 * never loads the region twice. The flip side: when a load fails or is stopped midway, the data
 * stored so far stays (every object is stored by its own service call), and because the registry
 * is then no longer empty a restart does not complete it. To load the demo region again, empty
 * the registry and restart the component. A failure is logged with how far the load got.
 *
 * <p>Logs hold counts, codes and durations only, never a participant's personal data.
 */
@Component(configurationPid = DemoDataLoader.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = DemoDataLoader.Config.class)
public class DemoDataLoader {

    public static final String PID = "org.attesta.demo";

    /** How long deactivation waits for the loader to finish the service call it is in. */
    private static final long STOP_TIMEOUT_SECONDS = 30;

    @ObjectClassDefinition(
            name = "Attesta demo region",
            description = "Fills an empty registry with a generated fictional region for demonstrations and training. "
                    + "Never enable it on a production installation.")
    public @interface Config {

        @AttributeDefinition(name = "Enabled",
                description = "Load the demo region when the registry holds no municipality yet")
        boolean enabled() default false;

        @AttributeDefinition(name = "Participants",
                description = "How many participants to generate, 0 to 100000; about one school per 100")
        int participants() default 3000;

        @AttributeDefinition(name = "Seed",
                description = "Seed of the generator: the same seed and count always give the same region")
        long seed() default 2026;
    }

    @Reference(service = LoggerFactory.class)
    Logger logger;

    private final RegistryService registry;
    private final ParticipantService participantService;
    private final AssignmentService assignmentService;
    private final Config config;

    static final String DEMO_ADMINISTRATOR = "rcoi";
    private final CallerContext callers;
    private final AccountService accounts;
    private ExecutorService executor;
    private Future<?> loading = CompletableFuture.completedFuture(null);
    /** Asks the loading thread to stop between two service calls; interrupting one could break its transaction. */
    private volatile boolean stopRequested;

    @Activate
    public DemoDataLoader(
            @Reference RegistryService registry,
            @Reference ParticipantService participantService,
            @Reference AssignmentService assignmentService,
            @Reference CallerContext callers,
            @Reference AccountService accounts,
            Config config) {
        this.callers = callers;
        this.accounts = accounts;
        this.registry = registry;
        this.participantService = participantService;
        this.assignmentService = assignmentService;
        this.config = config;
    }

    /** Runs after the logger is injected, which happens only after the constructor. */
    @Activate
    void start() {
        if (!config.enabled()) {
            logger.debug("Demo region is disabled");
            return;
        }
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "attesta-demo-loader");
            thread.setDaemon(true);
            return thread;
        });
        // Loaded as Attesta itself: the registry checks every call against the bound caller.
        loading = executor.submit(() -> callers.runAs(Caller.system("demo"), this::loadIfRegistryEmpty));
    }

    @Deactivate
    void stop() {
        if (executor == null) {
            return;
        }
        stopRequested = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                logger.warn("Demo region loader did not stop within {} s; interrupting it", STOP_TIMEOUT_SECONDS);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The background load, or a completed future when none was started; for tests. */
    Future<?> loading() {
        return loading;
    }

    private void loadIfRegistryEmpty() {
        try {
            int existing = registry.municipalities().size();
            if (existing > 0) {
                logger.info("Demo region not loaded: the registry already holds {} municipalities", existing);
                return;
            }
            load();
        } catch (RuntimeException e) {
            logger.error("Demo region not loaded: {}", e.toString(), e);
        }
    }

    private void load() {
        long started = System.nanoTime();
        logger.info("Loading the demo region: {} participants, seed {}", config.participants(), config.seed());
        DemoRegion region = new DemoRegionGenerator(config.seed(), config.participants()).generate();
        DemoRegionLoad load = new DemoRegionLoad(registry, participantService, assignmentService, () -> stopRequested);
        try {
            load.run(region);
            issueAccounts();
            logger.info("Demo region loaded in {} ms: {}", millisSince(started), load.progress());
        } catch (CancellationException e) {
            logger.warn("Demo region load stopped by deactivation while loading {} after {} ms, having stored {}. "
                    + "The data stored so far stays; empty the registry to load the demo region again.",
                    load.stage().description(), millisSince(started), load.progress());
        } catch (RuntimeException e) {
            logger.error("Demo region load failed while loading {} after {} ms, having stored {}. "
                    + "The data stored so far stays, and a restart will not complete it because the loader only "
                    + "runs on an empty registry; empty the registry and restart to load the demo region again.",
                    load.stage().description(), millisSince(started), load.progress(), withoutMessages(e, load));
        }
    }

    /**
     * Staff accounts to sign in to the web UI with: the region's administrator, and the accounts
     * the region hands to every МОУО and school. Their one-time passwords are not printed: an
     * administrator takes each once, audited, with {@code attesta:credentials}.
     */
    private void issueAccounts() {
        accounts.issue(new AccountDraft(DEMO_ADMINISTRATOR, "Администратор РЦОИ (демо)",
                List.of(new RoleGrant(Role.REGION_ADMINISTRATOR, Scope.region()))));
        BulkIssueResult issued = accounts.issueForTerritory(new BulkIssueRequest(Set.of(Role.MUNICIPAL_SPECIALIST,
                Role.RESPONSIBLE_ORGANIZER, Role.TECHNICAL_SPECIALIST), null));
        logger.info("Demo accounts issued: {} and {} for the municipalities and schools. Web UI: /ui/ ; the one-time "
                + "password of {} is shown once by the shell command: attesta:credentials {}", DEMO_ADMINISTRATOR,
                issued.issued(), DEMO_ADMINISTRATOR, DEMO_ADMINISTRATOR);
    }

    /**
     * The failure to log. While participants are stored, messages may quote the participant's
     * data (a database error citing the row, say), so then only the kinds of failure and the
     * stack trace are kept.
     */
    private static Throwable withoutMessages(RuntimeException failure, DemoRegionLoad load) {
        if (load.stage() != DemoRegionLoad.Stage.PARTICIPANTS) {
            return failure;
        }
        StringBuilder kinds = new StringBuilder(failure.getClass().getName());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            kinds.append(" caused by ").append(cause.getClass().getName());
        }
        RuntimeException redacted = new RuntimeException(kinds + " (message withheld: it may contain personal data)");
        redacted.setStackTrace(failure.getStackTrace());
        return redacted;
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
