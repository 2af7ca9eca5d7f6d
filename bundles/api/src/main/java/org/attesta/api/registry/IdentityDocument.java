package org.attesta.api.registry;

/**
 * An identity document.
 *
 * @param series may be empty: birth certificates of some kinds and foreign documents have none
 */
public record IdentityDocument(DocumentType type, String series, String number) {
}
