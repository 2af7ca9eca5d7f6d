package org.attesta.api.common;

/**
 * The caller could not be identified: no credentials, a wrong password, an unknown user, an
 * expired or forged session token. The message never says which of these it was, so that it
 * does not tell a stranger which logins exist.
 */
public class AuthenticationException extends AttestaException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String type, String message) {
        super(type, message);
    }
}
