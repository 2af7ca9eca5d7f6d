package org.attesta.rest.internal;

import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;

/** Where a request carries its session token: the UI's cookie, or a script's Bearer header. */
final class SessionTokens {
    private SessionTokens() {
    }

    static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }

    static String bearer(HttpHeaders headers) {
        return bearer(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    static String cookie(Cookie cookie) {
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    static String cookie(HttpHeaders headers) {
        return cookie(headers.getCookies().get(AuthenticationFilter.SESSION_COOKIE));
    }
}
