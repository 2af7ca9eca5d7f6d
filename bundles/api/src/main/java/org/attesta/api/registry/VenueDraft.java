package org.attesta.api.registry;

public record VenueDraft(String code, String name, String address, String schoolCode) {
}
