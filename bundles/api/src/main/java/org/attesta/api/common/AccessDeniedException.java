package org.attesta.api.common;

/**
 * The caller is known but may not do this here: the role lacks the permission, or the object
 * lies outside the caller's territory (another school or municipality).
 */
public class AccessDeniedException extends AttestaException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super("forbidden", message);
    }
}
