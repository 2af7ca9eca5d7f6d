package org.attesta.api.common;

/** The request conflicts with what is stored, e.g. a code that is already taken. */
public class ConflictException extends AttestaException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String type, String message) {
        super(type, message);
    }
}
