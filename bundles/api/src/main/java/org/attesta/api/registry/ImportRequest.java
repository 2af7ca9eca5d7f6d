package org.attesta.api.registry;

/**
 * How to import a participant file.
 *
 * @param mediaType the file's media type, e.g. {@code text/csv}; chooses the import format
 * @param storeValidRows false (the default) stores nothing when any row is bad; true stores
 *     the good rows and reports the rejected ones
 * @param source where the file came from (a file name), for reports and logs
 * @param sha256 the hex SHA-256 the sender computed, or null; a file that does not match is
 *     refused before anything of it counts
 */
public record ImportRequest(String mediaType, boolean storeValidRows, String source, String sha256) {

    public ImportRequest(String mediaType, boolean storeValidRows, String source) {
        this(mediaType, storeValidRows, source, null);
    }
}
