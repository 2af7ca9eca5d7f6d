package org.attesta.api.region;

import java.io.Closeable;
import org.osgi.annotation.versioning.ConsumerType;

/** Rows of one file, read in order. */
@ConsumerType
public interface ParticipantRowReader extends Closeable {

    /**
     * @return the next row, or null at the end of the file
     * @throws org.attesta.api.common.InvalidInputException when the file is malformed at this
     *     point (for example, an unclosed quote); the problem names the line
     */
    ParticipantRow next();

    /** Bytes of the file consumed so far, for progress. */
    long bytesRead();

    /** The columns this file has, known after opening. */
    java.util.Set<ParticipantField> fields();
}
