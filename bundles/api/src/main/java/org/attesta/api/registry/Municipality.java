package org.attesta.api.registry;

/**
 * A municipal education authority (МОУО) and its territory.
 *
 * @param code the region's code for the municipality (МСУ/АТЕ code), unique
 */
public record Municipality(long id, String code, String name) {
}
