package org.attesta.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/** The headers every UI response carries, whatever its status. */
final class SecurityHeaders {
    /** Same origin only; no inline script or style; no plugins, framing, base or foreign form targets. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    static final Map<String, String> HEADERS;

    static {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        HEADERS = Map.copyOf(headers);
    }

    private SecurityHeaders() {
    }

    static void apply(HttpServletResponse response) {
        HEADERS.forEach(response::setHeader);
    }
}
