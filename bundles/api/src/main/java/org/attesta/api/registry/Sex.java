package org.attesta.api.registry;

public enum Sex {
    MALE,
    FEMALE
}
