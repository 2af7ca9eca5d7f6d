package org.attesta.api.common;

/** Nothing can read input of this media type. */
public class UnsupportedFormatException extends AttestaException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFormatException(String message) {
        super("unsupported-format", message);
    }
}
