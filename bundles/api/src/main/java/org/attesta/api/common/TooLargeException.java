package org.attesta.api.common;

/** The input is over a configured size limit. */
public class TooLargeException extends AttestaException {
    private static final long serialVersionUID = 1L;

    public TooLargeException(String message) {
        super("too-large", message);
    }
}
