package org.attesta.api.registry;

/**
 * A room of a venue.
 *
 * @param number the room number as written on its door, unique in the venue
 * @param capacity seats; an interview room holds one participant at a time whatever its capacity
 */
public record Auditorium(long id, long venueId, String number, int capacity, AuditoriumRole role) {
}
