package org.attesta.api.registry;

/** What a caller supplies to create or change a school. */
public record SchoolDraft(String code, String name, String shortName, String municipalityCode, String address) {
}
