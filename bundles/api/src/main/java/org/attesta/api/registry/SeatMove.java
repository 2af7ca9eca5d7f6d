package org.attesta.api.registry;

import java.time.LocalTime;

/** A manual move of one participant to an auditorium and a start time. */
public record SeatMove(long participantId, long auditoriumId, LocalTime start) {
}
