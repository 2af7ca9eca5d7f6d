package org.attesta.registry.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.attesta.api.common.UnsupportedFormatException;
import org.attesta.api.region.ParticipantImportFormat;
import org.attesta.api.region.ParticipantRowReader;
import org.attesta.api.registry.ImportProgress;
import org.attesta.api.registry.ImportRejectedException;
import org.attesta.api.registry.ImportReport;
import org.attesta.api.registry.ImportRequest;
import org.attesta.api.registry.ParticipantImportService;
import org.attesta.registry.internal.RegistryConfig;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Imports participants with the highest-ranked format for the file's media type. Formats come
 * and go at run time (a region bundle installed or removed); each import picks the best one
 * present when it starts.
 */
@Component(service = ParticipantImportService.class, configurationPid = RegistryConfig.PID)
public class ParticipantImporter implements ParticipantImportService {
    private static final System.Logger LOG = System.getLogger(ParticipantImporter.class.getName());

    private final DataSource dataSource;
    private final List<RegisteredFormat> formats = new CopyOnWriteArrayList<>();
    private volatile ImportLimits limits;

    @Activate
    public ParticipantImporter(@Reference(target = "(osgi.jndi.service.name=attesta)") DataSource dataSource,
            RegistryConfig config) {
        this.dataSource = dataSource;
        modified(config);
    }

    @Modified
    void modified(RegistryConfig config) {
        limits = new ImportLimits(config.import_max_megabytes() * 1024L * 1024L, config.import_max_reported_errors(),
                config.import_batch_size(), config.special_needs_extra_minutes());
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
        ParticipantImportFormat format = formatFor(request.mediaType())
                .orElseThrow(() -> new UnsupportedFormatException("Файлы типа «" + request.mediaType()
                        + "» загрузить нельзя. Поддерживаются: " + supportedMediaTypes()));
        ImportLimits current = limits;
        long started = System.nanoTime();
        try (ParticipantRowReader reader = format.open(new SizeLimitedInputStream(data, current.maxBytes()));
                ParticipantWriter writer = new ParticipantWriter(dataSource.getConnection(), current.batchSize())) {
            ImportReport report = runInTransaction(reader, writer, current, request, progress, format.name());
            LOG.log(System.Logger.Level.INFO, "Import of {0} with format {1}: {2} rows, {3} created, {4} unchanged, "
                    + "{5} rejected in {6} ms", request.source(), format.name(), report.rows(), report.created(),
                    report.unchanged(), report.rejected(), (System.nanoTime() - started) / 1_000_000);
            if (report.rejected() > 0 && !request.storeValidRows()) {
                throw new ImportRejectedException(report);
            }
            return report;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Import failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static ImportReport runInTransaction(ParticipantRowReader reader, ParticipantWriter writer,
            ImportLimits limits, ImportRequest request, ImportProgress progress, String formatName) throws SQLException {
        boolean committed = false;
        try {
            ImportReport report = new ImportRun(reader, writer, limits, request.storeValidRows(), progress,
                    Clock.systemDefaultZone()).run(formatName);
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

    Optional<ParticipantImportFormat> formatFor(String mediaType) {
        return formats.stream().filter(registered -> registered.reads(mediaType))
                .max(Comparator.comparingInt(RegisteredFormat::ranking)
                        .thenComparing(Comparator.comparingLong(RegisteredFormat::serviceId).reversed()))
                .map(RegisteredFormat::format);
    }

    private String supportedMediaTypes() {
        return String.join(", ", formats.stream().flatMap(f -> f.mediaTypes().stream()).distinct().sorted().toList());
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
