package org.attesta.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;

/**
 * Whether a 401 should carry {@code WWW-Authenticate: Basic}. Scripts and curl need it; the web
 * UI must not get it, or the browser would pop up its own password dialog over the login page.
 * Browsers mark their script requests with {@code Sec-Fetch-Mode} (cors, same-origin), which
 * tools do not send.
 */
final class Challenge {
    static final String BASIC = "Basic realm=\"Attesta\", charset=\"UTF-8\"";

    private Challenge() {
    }

    static boolean wanted(ContainerRequestContext request) {
        return wanted(request.getHeaderString("Sec-Fetch-Mode"), request.getHeaderString("X-Requested-With"));
    }

    /** The web UI also marks its calls with {@code X-Requested-With}, for browsers without Sec-Fetch-*. */
    static boolean wanted(String fetchMode, String requestedWith) {
        return requestedWith == null && (fetchMode == null || fetchMode.equalsIgnoreCase("navigate"));
    }
}
