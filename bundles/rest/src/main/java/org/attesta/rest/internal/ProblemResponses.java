package org.attesta.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.attesta.api.common.Problem;

/** application/problem+json bodies (RFC 9457) with a stable type per kind of failure. */
public final class ProblemResponses {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:attesta:problem:";

    private ProblemResponses() {
    }

    public static Response of(int status, String type, String title, String detail) {
        return of(status, type, title, detail, List.of(), Map.of());
    }

    public static Response of(int status, String type, String title, String detail, List<Problem> errors,
            Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        body.putAll(extensions);
        return Response.status(status).type(MEDIA_TYPE).entity(new ProblemDocument(body)).build();
    }
}
