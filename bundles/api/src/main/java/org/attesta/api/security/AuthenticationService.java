package org.attesta.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Signs callers in. Failed attempts are counted per login and per address: after too many,
 * further attempts are refused for a while with {@link org.attesta.api.common.TooManyRequestsException}
 * even when the password is right. Every success and failure is audited.
 */
@ProviderType
public interface AuthenticationService {

    /**
     * Checks a password and opens a session.
     *
     * @throws org.attesta.api.common.AuthenticationException for an unknown login, a wrong password or a disabled account
     * @throws org.attesta.api.common.TooManyRequestsException while the login or the address is locked out
     */
    Session login(String login, char[] password, String address);

    /**
     * Checks a password without opening a session (HTTP Basic for scripts): a staff account,
     * or a Karaf platform administrator.
     */
    Caller authenticate(String login, char[] password, String address);

    /** The live session with this token, renewing its idle expiry; empty when unknown or expired. */
    Optional<Session> session(String token, String address);

    /** Ends the session with this token; nothing happens when there is none. */
    void logout(String token);
}
