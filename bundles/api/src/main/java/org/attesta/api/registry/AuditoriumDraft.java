package org.attesta.api.registry;

public record AuditoriumDraft(String number, int capacity, AuditoriumRole role) {
}
