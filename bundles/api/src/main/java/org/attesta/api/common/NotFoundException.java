package org.attesta.api.common;

/** The object asked for does not exist (or is not visible to the caller). */
public class NotFoundException extends AttestaException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super("not-found", message);
    }
}
