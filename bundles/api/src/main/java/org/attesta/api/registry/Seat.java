package org.attesta.api.registry;

import java.time.LocalTime;

/**
 * Where and when one participant sits the interview.
 *
 * @param start local time in the region's time zone
 * @param manual whether a person placed this seat by hand; a re-run keeps it unless told otherwise
 */
public record Seat(
        long participantId,
        String participantName,
        boolean specialNeeds,
        long auditoriumId,
        String auditoriumNumber,
        LocalTime start,
        LocalTime end,
        boolean manual) {
}
