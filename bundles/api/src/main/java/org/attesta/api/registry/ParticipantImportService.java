package org.attesta.api.registry;

import java.io.InputStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Loads participants from a file exported by the regional database. The file is read by the
 * highest-ranked {@link org.attesta.api.region.ParticipantImportFormat} for its media type;
 * every row is validated (required fields, dates, СНИЛС checksum, existing school, no duplicate
 * in the file or in the registry). The import is one transaction.
 */
@ProviderType
public interface ParticipantImportService {

    /**
     * @throws ImportRejectedException when rows are bad and {@code storeValidRows} is off
     * @throws org.attesta.api.common.InvalidInputException when the file cannot be read at all
     *     (unknown encoding, missing columns, no format for the media type)
     * @throws org.attesta.api.common.TooLargeException when the file is over the size limit
     */
    ImportReport importParticipants(ImportRequest request, InputStream data, ImportProgress progress);

    /**
     * Receives a file for an import in the background: the file is stored, checked against the
     * request's SHA-256 when one is given, and queued. Returns at once with a QUEUED job.
     *
     * @throws org.attesta.api.common.TooLargeException when the file is over the size limit
     * @throws org.attesta.api.common.InvalidInputException when the SHA-256 does not match
     * @throws org.attesta.api.common.UnsupportedFormatException when no format reads the media type
     */
    ImportJob submit(ImportRequest request, InputStream data);

    /** @throws org.attesta.api.common.NotFoundException when there is no such job */
    ImportJob job(String id);
}
