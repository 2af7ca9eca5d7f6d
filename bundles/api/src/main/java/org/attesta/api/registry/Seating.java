package org.attesta.api.registry;

import java.util.List;

/**
 * The seating of one school's participants on one exam day, ordered by auditorium and start.
 *
 * @param unseated assigned participants who could not be placed (for example, no interview room)
 */
public record Seating(long examDayId, String schoolCode, List<Seat> seats, List<Assignment> unseated) {
    public Seating {
        seats = List.copyOf(seats);
        unseated = List.copyOf(unseated);
    }
}
