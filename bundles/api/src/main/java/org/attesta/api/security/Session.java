package org.attesta.api.security;

import java.time.Instant;

/**
 * A signed-in session: an opaque random token kept only as a hash on the server, a CSRF
 * token the web UI sends back with every change, and the caller it stands for.
 *
 * @param token the session token; known in clear only to the client (null when read back later)
 * @param expiresAt when the session ends unless used again before (idle) or at the latest (absolute)
 */
public record Session(String id, String token, String csrfToken, Caller caller, Instant expiresAt) {

    @Override
    public String toString() {
        return "Session[" + id + ", " + caller.login() + "]";
    }
}
