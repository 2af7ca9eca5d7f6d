package org.attesta.api.common;

/** Too many attempts in a short time (for example failed logins); try again after a pause. */
public class TooManyRequestsException extends AttestaException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public TooManyRequestsException(String type, String message, long retryAfterSeconds) {
        super(type, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** How many seconds to wait before the next attempt can succeed. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
