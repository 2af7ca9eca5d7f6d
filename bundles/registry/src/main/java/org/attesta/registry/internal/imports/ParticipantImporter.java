package org.attesta.registry.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.security.AccessScope;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Territory;
import org.attesta.registry.internal.Guard;
import org.attesta.registry.internal.SealedPersonalData;
import org.attesta.api.common.AttestaException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.SafeText;
import org.attesta.api.common.UnsupportedFormatException;
import org.attesta.api.region.ParticipantImportFormat;
import org.attesta.api.region.ParticipantRowReader;
import org.attesta.api.registry.ImportJob;
import org.attesta.api.registry.ImportJobState;
import org.attesta.api.registry.ImportProgress;
import org.attesta.api.registry.ImportRejectedException;
import org.attesta.api.registry.ImportReport;
import org.attesta.api.registry.ImportRequest;
import org.attesta.api.registry.ParticipantImportService;
import org.attesta.registry.internal.RegistryConfig;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Imports participants with the highest-ranked format for the file's media type. Formats come
 * and go at run time (a region bundle installed or removed); each import picks the best one
 * present when it starts. Background jobs run one at a time on this node; their state is in the
 * database.
 */
@Component(service = ParticipantImportService.class, configurationPid = RegistryConfig.PID)
public class ParticipantImporter implements ParticipantImportService {
    private static final System.Logger LOG = System.getLogger(ParticipantImporter.class.getName());
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    /** The audit log's object id column. */
    static final int MAX_SOURCE_LENGTH = 100;

    private final DataSource dataSource;
    private final ImportJobs jobs;
    private final String node;
    private final Path uploads;
    private final ExecutorService background;
    private final List<RegisteredFormat> formats = new CopyOnWriteArrayList<>();
    private volatile ImportLimits limits;

    private final Guard guard;
    private final CallerContext callers;
    private final SealedPersonalData sealed;

    @Activate
    public ParticipantImporter(@Reference(target = "(osgi.jndi.service.name=attesta)") DataSource dataSource,
            @Reference Guard guard, @Reference CallerContext callers, @Reference SealedPersonalData sealed,
            RegistryConfig config) throws SQLException {
        this.dataSource = dataSource;
        this.sealed = sealed;
        this.guard = guard;
        this.callers = callers;
        this.jobs = new ImportJobs(dataSource);
        this.node = System.getProperty("karaf.name", "attesta") + "@" + hostName();
        this.uploads = Path.of(System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")), "tmp", "imports");
        this.background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "attesta-import");
            thread.setDaemon(true);
            return thread;
        });
        modified(config);
        int interrupted = jobs.failInterrupted(node);
        if (interrupted > 0) {
            LOG.log(System.Logger.Level.WARNING, "{0} import jobs were interrupted by a restart and marked failed", interrupted);
        }
    }

    @Modified
    void modified(RegistryConfig config) {
        limits = new ImportLimits(config.import_max_megabytes() * 1024L * 1024L, config.import_max_reported_errors(),
                config.import_batch_size(), config.special_needs_extra_minutes());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(30, TimeUnit.SECONDS);
    }

    /**
     * The file name is stored with the job and is the audited object's id (100 characters): a
     * longer one failed the insert with a 500, and a control character in it reached the shell.
     */
    static void checkSource(String source) {
        SafeText.require("source", "Имя файла", source);
        if (source != null && source.length() > MAX_SOURCE_LENGTH) {
            throw new InvalidInputException("source", "Имя файла длиннее " + MAX_SOURCE_LENGTH + " символов ("
                    + source.length() + "): переименуйте файл и загрузите его снова");
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFormat(ParticipantImportFormat format, Map<String, Object> properties) {
        formats.add(RegisteredFormat.of(format, properties));
    }

    void removeFormat(ParticipantImportFormat format) {
        formats.removeIf(registered -> registered.format() == format);
    }

    @Override
    public ImportReport importParticipants(ImportRequest request, InputStream data, ImportProgress progress) {
        AccessScope scope = guard.scope(Permission.PARTICIPANTS_IMPORT);
        checkSource(request.source());
        ParticipantImportFormat format = requireFormat(request.mediaType());
        ImportLimits current = limits;
        long started = System.nanoTime();
        DigestInputStream digested = new DigestInputStream(new SizeLimitedInputStream(data, current.maxBytes()),
                Uploads.sha256());
        try (ParticipantRowReader reader = format.open(digested);
                ParticipantWriter writer = new ParticipantWriter(dataSource.getConnection(), current.batchSize())) {
            ImportReport report = runInTransaction(reader, writer, current, request, progress, format.name(),
                    () -> Uploads.check(request.sha256(), Uploads.finish(digested)), allowedSchools(scope), sealed);
            LOG.log(System.Logger.Level.INFO, "Import of {0} with format {1}: {2} rows, {3} created, {4} unchanged, "
                    + "{5} rejected in {6} ms", request.source(), format.name(), report.rows(), report.created(),
                    report.unchanged(), report.rejected(), (System.nanoTime() - started) / 1_000_000);
            guard.audit(AuditActions.IMPORTED, "participants", request.source(), Map.of(), Map.of("format",
                    format.name(), "rows", String.valueOf(report.rows()), "created", String.valueOf(report.created()),
                    "rejected", String.valueOf(report.rejected()), "stored", String.valueOf(report.stored())));
            if (report.rejected() > 0 && !request.storeValidRows()) {
                throw new ImportRejectedException(report);
            }
            return report;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Import failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public ImportJob submit(ImportRequest request, InputStream data) {
        guard.require(Permission.PARTICIPANTS_IMPORT);
        checkSource(request.source());
        requireFormat(request.mediaType());
        Caller submitter = callers.current();
        try {
            Uploads.Stored upload = Uploads.store(data, uploads, limits.maxBytes());
            try {
                Uploads.check(request.sha256(), upload.sha256());
                ImportJob job = new ImportJob(UUID.randomUUID().toString(), ImportJobState.QUEUED, request.source(),
                        request.mediaType(), request.storeValidRows(), upload.sha256(), 0, 0, upload.size(),
                        Instant.now(), null, null, null, null);
                jobs.insert(job, node, submitter.login());
                // The job runs for whoever submitted it, with that caller's territory.
                background.execute(() -> callers.runAs(submitter, () -> runJob(job, request, upload)));
                return job;
            } catch (RuntimeException | SQLException e) {
                Files.deleteIfExists(upload.file());
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Upload failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public ImportJob job(String id) {
        try {
            ImportJob job = jobs.find(id);
            if (job == null) {
                throw new NotFoundException("Задания загрузки «" + id + "» нет");
            }
            // A job is its submitter's; the region may follow every job.
            if (!java.util.Objects.equals(callers.current().login(), jobs.submitter(id))) {
                guard.require(Permission.PARTICIPANTS_IMPORT, Territory.region());
            }
            return job;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading import job failed", e);
        }
    }

    private void runJob(ImportJob job, ImportRequest request, Uploads.Stored upload) {
        try (InputStream in = Files.newInputStream(upload.file())) {
            jobs.running(job.id());
            ImportReport report;
            ImportJobState state;
            try {
                // The digest was checked on receipt: the job reads the stored file as is.
                report = importParticipants(new ImportRequest(request.mediaType(), request.storeValidRows(),
                        request.source()), in, new JobProgress(job.id()));
                state = ImportJobState.DONE;
            } catch (ImportRejectedException rejected) {
                report = rejected.report();
                state = ImportJobState.REJECTED;
            }
            jobs.finished(job.id(), state, report, upload.size());
        } catch (AttestaException e) {
            recordFailure(job.id(), e.type(), e.getMessage());
        } catch (Exception e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(System.Logger.Level.ERROR, "Import job " + job.id() + " failed, incident " + incident, e);
            recordFailure(job.id(), "server-error",
                    "Внутренняя ошибка сервера; ничего не сохранено. Сообщите администратору номер инцидента " + incident);
        } finally {
            try {
                Files.deleteIfExists(upload.file());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not delete upload " + upload.file(), e);
            }
        }
    }

    private void recordFailure(String id, String type, String message) {
        try {
            jobs.failed(id, type, message);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not record the failure of import job " + id, e);
        }
    }

    /** Writes a job's progress to the database at most once a second. */
    private final class JobProgress implements ImportProgress {
        private final String id;
        private long lastWritten;

        JobProgress(String id) {
            this.id = id;
        }

        @Override
        public void advanced(long rows, long bytes) {
            long now = System.nanoTime();
            if (now - lastWritten < PROGRESS_EVERY_NANOS) {
                return;
            }
            lastWritten = now;
            try {
                jobs.progress(id, rows, bytes);
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not record the progress of import job " + id, e);
            }
        }
    }

    private ParticipantImportFormat requireFormat(String mediaType) {
        return formatFor(mediaType).orElseThrow(() -> new UnsupportedFormatException("Файлы типа «" + mediaType
                + "» загрузить нельзя. Поддерживаются: " + supportedMediaTypes()));
    }

    /** One transaction: committed only when something was stored and the file's digest is right. */
    private static ImportReport runInTransaction(ParticipantRowReader reader, ParticipantWriter writer,
            ImportLimits limits, ImportRequest request, ImportProgress progress, String formatName,
            DigestCheck digestCheck, Set<String> allowedSchools, SealedPersonalData sealed)
            throws SQLException, IOException {
        boolean committed = false;
        try {
            ImportReport report = new ImportRun(reader, writer, limits, request.storeValidRows(), progress,
                    Clock.systemDefaultZone(), allowedSchools, sealed).run(formatName);
            digestCheck.run();
            if (report.stored()) {
                writer.commit();
                committed = true;
            }
            return report;
        } finally {
            if (!committed) {
                writer.rollback();
            }
        }
    }

    @FunctionalInterface
    private interface DigestCheck {
        void run() throws IOException;
    }

    Optional<ParticipantImportFormat> formatFor(String mediaType) {
        return formats.stream().filter(registered -> registered.reads(mediaType))
                .max(Comparator.comparingInt(RegisteredFormat::ranking)
                        .thenComparing(Comparator.comparingLong(RegisteredFormat::serviceId).reversed()))
                .map(RegisteredFormat::format);
    }

    private String supportedMediaTypes() {
        return String.join(", ", formats.stream().flatMap(f -> f.mediaTypes().stream()).distinct().sorted().toList());
    }

    /** The codes of the schools inside the scope, or null for the whole region. */
    private Set<String> allowedSchools(AccessScope scope) throws SQLException {
        if (scope.region()) {
            return null;
        }
        Set<String> allowed = new HashSet<>(scope.schools());
        if (!scope.municipalities().isEmpty()) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement("SELECT s.code, m.code FROM school s"
                            + " JOIN municipality m ON s.municipality_id = m.id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (scope.municipalities().contains(rows.getString(2))) {
                        allowed.add(rows.getString(1));
                    }
                }
            }
        }
        return allowed;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** A format service with the properties that choose it. */
    record RegisteredFormat(ParticipantImportFormat format, List<String> mediaTypes, int ranking, long serviceId) {
        static RegisteredFormat of(ParticipantImportFormat format, Map<String, Object> properties) {
            Object types = properties.get(ParticipantImportFormat.MEDIA_TYPE);
            List<String> mediaTypes = types instanceof String[] array ? List.of(array)
                    : types == null ? List.of() : List.of(types.toString());
            Object ranking = properties.get(Constants.SERVICE_RANKING);
            Object id = properties.get(Constants.SERVICE_ID);
            return new RegisteredFormat(format, mediaTypes, ranking instanceof Integer r ? r : 0,
                    id instanceof Long l ? l : 0L);
        }

        boolean reads(String mediaType) {
            return mediaTypes.stream().anyMatch(type -> type.equalsIgnoreCase(mediaType));
        }
    }
}
