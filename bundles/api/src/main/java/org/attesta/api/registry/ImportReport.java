package org.attesta.api.registry;

import java.util.List;
import org.attesta.api.common.Problem;

/**
 * The outcome of an import.
 *
 * @param format the name of the import format that read the file
 * @param rows data rows read
 * @param created participants stored as new
 * @param unchanged rows equal to a participant already in the registry (re-imports change nothing)
 * @param rejected bad rows; with {@code storeValidRows} off and rejected above 0 nothing was stored
 * @param stored whether anything of this file was stored
 * @param errors the bad rows with line, column and reason, up to the configured limit
 */
public record ImportReport(
        String format,
        long rows,
        long created,
        long unchanged,
        long rejected,
        boolean stored,
        List<Problem> errors) {
    public ImportReport {
        errors = List.copyOf(errors);
    }
}
