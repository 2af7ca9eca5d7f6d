package org.attesta.api.registry;

/** What a caller supplies to create or rename a municipality. */
public record MunicipalityDraft(String code, String name) {
}
