package org.attesta.api.region;

import java.io.InputStream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A file format participants are imported from, as a region's database exports them.
 * Register an implementation as a service with the property {@link #MEDIA_TYPE} (one or more
 * media types it reads); the import uses the highest-ranked format for the file's media type.
 * A format only reads: validation and storing are the registry's job.
 */
@ConsumerType
public interface ParticipantImportFormat {

    /** Service property: the media types the format reads, e.g. {@code text/csv}. */
    String MEDIA_TYPE = "attesta.import.mediaType";

    /** A short name of the format, shown in import reports (for example {@code csv}). */
    String name();

    /**
     * Opens a file. The format owns the stream from here and closes it with the reader.
     *
     * @throws org.attesta.api.common.InvalidInputException when the file cannot be read:
     *     unknown encoding, a header without the required columns, an unknown column
     */
    ParticipantRowReader open(InputStream data);
}
