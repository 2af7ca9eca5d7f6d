package org.attesta.api.registry;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The seating (рассадка): the school's assigned participants placed into its interview
 * auditoriums in consecutive slots. Computing is idempotent: the same assignments and rooms
 * give the same seating, and seats placed by hand are kept unless the options say otherwise.
 */
@ProviderType
public interface SeatingService {

    Seating compute(long examDayId, String schoolCode, SeatingOptions options);

    /** The stored seating; empty when none was computed yet. */
    Seating seating(long examDayId, String schoolCode);

    /**
     * Moves one participant to another auditorium and start time; the seat becomes manual.
     *
     * @throws org.attesta.api.common.ConflictException when the slot overlaps another seat
     */
    Seating move(long examDayId, SeatMove move);
}
