package org.attesta.registry.internal.imports;

import java.util.List;
import org.attesta.api.common.Problem;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.region.ParticipantRowReader;

/**
 * A row reader that can say what was wrong with the shape of the row it returned last, for
 * problems a {@link ParticipantRow} cannot carry: a record with more values than the header
 * has columns, or with fewer. Such a row is still returned (with the values it has), so the
 * import reports it next to the other bad rows instead of giving up on the file.
 *
 * <p>Readers of region-supplied formats need not implement it; {@link #of} then reports none.
 */
public interface RowProblemSource {

    /**
     * Problems of the row the last {@link ParticipantRowReader#next()} returned, each with the
     * row's line; empty when the row is well-formed. Valid until the next call of {@code next()}.
     */
    List<Problem> problemsOfLastRow();

    /** The shape problems of the row {@code reader} returned last, or none if it cannot tell. */
    static List<Problem> of(ParticipantRowReader reader) {
        return reader instanceof RowProblemSource source ? source.problemsOfLastRow() : List.of();
    }
}
