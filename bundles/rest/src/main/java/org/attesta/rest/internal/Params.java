package org.attesta.rest.internal;

import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.PageRequest;

/**
 * Query parameters read by hand: JAX-RS answers 404 when it cannot convert a parameter, which
 * tells a person nothing; a 400 naming the parameter does.
 */
final class Params {
    private Params() {
    }

    static PageRequest page(String page, String size) {
        return new PageRequest(integer("page", page, 0), integer("size", size, PageRequest.DEFAULT_SIZE));
    }

    static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "Параметр «" + name + "» должен быть целым числом: «" + value + "»");
        }
    }

    static long id(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "«" + name + "» должен быть числом: «" + value + "»");
        }
    }

    static boolean flag(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidInputException(name, "Параметр «" + name + "» должен быть true или false: «" + value + "»");
        };
    }

    /** A length from a header: 0 when absent or not a number (then nothing depends on it). */
    static long integerOrZero(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A filter value: null when absent or blank. */
    static String filter(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The body of a POST or PUT, which must be there. */
    static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "Нужно тело запроса в формате JSON");
        }
        return body;
    }
}
