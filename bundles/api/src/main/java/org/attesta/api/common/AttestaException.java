package org.attesta.api.common;

/**
 * A failure a person can act on. The message is written for the person (in Russian, as the
 * users read it); {@link #type()} is a stable, language-neutral identifier of the kind of
 * failure, which REST publishes as the problem type.
 */
public abstract class AttestaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;

    protected AttestaException(String type, String message) {
        super(message);
        this.type = type;
    }

    protected AttestaException(String type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    /** A short stable identifier such as {@code not-found} or {@code duplicate-participant}. */
    public String type() {
        return type;
    }
}
