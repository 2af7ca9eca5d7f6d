package org.attesta.api.registry;

/**
 * How to compute a seating.
 *
 * @param keepManual keep the seats a person placed by hand (the default); false recomputes all
 */
public record SeatingOptions(boolean keepManual) {
    public static SeatingOptions defaults() {
        return new SeatingOptions(true);
    }
}
