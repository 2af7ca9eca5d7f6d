package org.attesta.api.registry;

/**
 * A place where the interview is held, usually a school.
 *
 * @param schoolCode the school the venue belongs to, or null for a venue that is not a school
 */
public record Venue(long id, String code, String name, String address, String schoolCode) {
}
