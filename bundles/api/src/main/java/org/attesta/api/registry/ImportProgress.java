package org.attesta.api.registry;

import org.osgi.annotation.versioning.ConsumerType;

/** Told how an import goes, for a progress indicator. Called from the importing thread. */
@ConsumerType
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (rows, bytes) -> { };

    /**
     * @param rows data rows read so far
     * @param bytes bytes of the file read so far
     */
    void advanced(long rows, long bytes);
}
