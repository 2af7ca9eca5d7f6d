package org.attesta.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.core.Response;
import org.attesta.api.registry.ImportJob;
import org.attesta.api.registry.ImportJobState;
import org.attesta.api.registry.ImportProgress;
import org.attesta.api.registry.ImportReport;
import org.attesta.api.registry.ImportRequest;
import org.attesta.api.registry.ParticipantImportService;
import org.junit.jupiter.api.Test;

/** When an import runs in the request and when it goes to a background job. */
class ParticipantResourceImportTest {
    private final RecordingImporter importer = new RecordingImporter();
    private final ParticipantResource resource = new ParticipantResource(null, importer, threshold(1));

    @Test
    void smallFileIsImportedInTheRequest() {
        assertEquals(200, post("1000", null, null).getStatus());
        assertEquals(List.of("sync"), importer.calls);
    }

    @Test
    void fileOverTheThresholdGoesToABackgroundJob() {
        Response response = post(Long.toString(2L * 1024 * 1024), null, null);
        assertEquals(202, response.getStatus());
        assertEquals("/api/v1/import-jobs/job-1", response.getHeaderString("Location"));
        assertEquals(List.of("async"), importer.calls);
    }

    @Test
    void theRequestCanSayWhichItWants() {
        assertEquals(200, post(Long.toString(2L * 1024 * 1024), "false", null).getStatus());
        assertEquals(202, post("10", "true", null).getStatus());
        assertEquals(202, post("10", null, "respond-async").getStatus());
        assertEquals(200, post(null, null, null).getStatus());
        assertEquals(List.of("sync", "async", "async", "sync"), importer.calls);
    }

    @Test
    void theImportRequestCarriesTheMediaTypeOptionAndDigest() {
        resource.importFile("text/csv; charset=windows-1251", null, null, "5", "true", null, "A".repeat(64), "file.csv",
                new ByteArrayInputStream(new byte[5]));
        assertEquals(new ImportRequest("text/csv", true, "file.csv", "a".repeat(64)), importer.lastRequest);
    }

    private Response post(String contentLength, String async, String prefer) {
        return resource.importFile("text/csv", null, prefer, contentLength, null, async, null, null,
                new ByteArrayInputStream(new byte[10]));
    }

    private static ParticipantResource.Config threshold(int megabytes) {
        return new ParticipantResource.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ParticipantResource.Config.class;
            }

            @Override
            public int background_above_megabytes() {
                return megabytes;
            }
        };
    }

    private static final class RecordingImporter implements ParticipantImportService {
        final List<String> calls = new ArrayList<>();
        ImportRequest lastRequest;

        @Override
        public ImportReport importParticipants(ImportRequest request, InputStream data, ImportProgress progress) {
            calls.add("sync");
            lastRequest = request;
            return new ImportReport("csv", 0, 0, 0, 0, false, List.of());
        }

        @Override
        public ImportJob submit(ImportRequest request, InputStream data) {
            calls.add("async");
            lastRequest = request;
            return new ImportJob("job-1", ImportJobState.QUEUED, request.source(), request.mediaType(),
                    request.storeValidRows(), "0".repeat(64), 0, 0, 10, Instant.now(), null, null, null, null);
        }

        @Override
        public ImportJob job(String id) {
            throw new IllegalStateException("these tests read no jobs");
        }
    }
}
