package org.attesta.api.registry;

/**
 * A school (ОО, образовательная организация).
 *
 * @param code the school's code in the regional database, unique in the region
 * @param municipalityCode the code of the municipality the school belongs to
 */
public record School(long id, String code, String name, String shortName, String municipalityCode, String address) {
}
