package org.attesta.registry.internal.seating;

import java.util.List;

import org.attesta.api.registry.Seat;

/**
 * The result of {@link SeatingPlanner#plan}.
 *
 * @param seats ordered by room (natural order of the number) and then by start
 * @param unseatedParticipantIds participants who could not be placed, in planning order
 *     ({@link Candidate#ORDER}); e.g. there is no interview room or no room has time left today
 */
public record SeatingPlan(List<Seat> seats, List<Long> unseatedParticipantIds) {
    public SeatingPlan {
        seats = List.copyOf(seats);
        unseatedParticipantIds = List.copyOf(unseatedParticipantIds);
    }
}
