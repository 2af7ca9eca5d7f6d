package org.attesta.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/** The servlet against plain stand-ins for the container's request and response. */
class WebUiServletTest {
    private final WebUiServlet servlet = new WebUiServlet(StaticAssetsTest.ASSETS);

    static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private Answer call(String method, String pathInfo, Map<String, String> requestHeaders) throws Exception {
        Map<String, String> lower = new HashMap<>();
        requestHeaders.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getContextPath" -> "";
                    case "getQueryString" -> null;
                    case "getHeader" -> lower.get(((String) args[0]).toLowerCase(Locale.ROOT));
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        Answer answer = new Answer();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                answer.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "setHeader" -> answer.headers.put(((String) args[0]).toLowerCase(Locale.ROOT), (String) args[1]);
                        case "setContentType" -> answer.headers.put("content-type", (String) args[0]);
                        case "setContentLength" -> answer.headers.put("content-length", String.valueOf(args[0]));
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
        servlet.service(request, response);
        return answer;
    }

    private static void assertSecurityHeaders(Answer a) {
        SecurityHeaders.HEADERS.forEach((name, value) -> assertEquals(value, a.header(name), name));
    }

    @Test
    void servesGzipWhenAccepted() throws Exception {
        Answer a = call("GET", "/assets/index-abc123.js", Map.of("Accept-Encoding", "gzip, br"));
        assertEquals(200, a.status);
        assertEquals("gzip", a.header("Content-Encoding"));
        assertEquals("Accept-Encoding", a.header("Vary"));
        assertEquals("public, max-age=31536000, immutable", a.header("Cache-Control"));
        assertArrayEquals("gz-js".getBytes(StandardCharsets.UTF_8), a.body.toByteArray());
        assertSecurityHeaders(a);

        Answer plain = call("GET", "/assets/index-abc123.js", Map.of());
        assertNull(plain.header("Content-Encoding"));
        assertEquals("console.log(1)", plain.body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void deepLinksGetIndexRevalidated() throws Exception {
        Answer a = call("GET", "/participants", Map.of());
        assertEquals(200, a.status);
        assertEquals("text/html;charset=utf-8", a.header("Content-Type"));
        assertEquals("no-cache", a.header("Cache-Control"));
        assertEquals("<!doctype html>", a.body.toString(StandardCharsets.UTF_8));
        assertSecurityHeaders(a);
    }

    @Test
    void notModifiedForAKnownTag() throws Exception {
        String etag = call("GET", "/", Map.of()).header("ETag");
        Answer a = call("GET", "/", Map.of("If-None-Match", etag));
        assertEquals(304, a.status);
        assertEquals(0, a.body.size());
    }

    @Test
    void headHasNoBody() throws Exception {
        Answer a = call("HEAD", "/", Map.of("Accept-Encoding", "gzip"));
        assertEquals(200, a.status);
        assertEquals("8", a.header("Content-Length"));
        assertEquals(0, a.body.size());
    }

    @Test
    void missingAssetIs404WithHeaders() throws Exception {
        Answer a = call("GET", "/assets/gone-123.js", Map.of());
        assertEquals(404, a.status);
        assertSecurityHeaders(a);
    }

    @Test
    void onlyGetAndHead() throws Exception {
        Answer a = call("POST", "/", Map.of());
        assertEquals(405, a.status);
        assertEquals("GET, HEAD", a.header("Allow"));
        assertSecurityHeaders(a);
        assertEquals(405, call("TRACE", "/", Map.of()).status);
    }

    @Test
    void addsTheTrailingSlash() throws Exception {
        Answer a = call("GET", null, Map.of());
        assertEquals(301, a.status);
        assertEquals("/ui/", a.header("Location"));
    }
}
