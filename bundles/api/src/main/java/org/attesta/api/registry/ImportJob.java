package org.attesta.api.registry;

import java.time.Instant;

/**
 * An import running in the background, for files too large to hold a request open.
 *
 * @param id opaque identifier
 * @param sha256 hex SHA-256 of the uploaded file, checked before the job was queued
 * @param rowsRead data rows read so far
 * @param bytesRead bytes of the file read so far, of {@code totalBytes}
 * @param report the outcome once DONE or REJECTED, otherwise null
 * @param failureType with FAILED: the problem type (for example {@code malformed-csv}), otherwise null
 * @param failureMessage with FAILED: what went wrong, for a person
 */
public record ImportJob(
        String id,
        ImportJobState state,
        String source,
        String mediaType,
        boolean storeValidRows,
        String sha256,
        long rowsRead,
        long bytesRead,
        long totalBytes,
        Instant submitted,
        Instant finished,
        ImportReport report,
        String failureType,
        String failureMessage) {
}
