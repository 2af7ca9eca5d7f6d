package org.attesta.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for /api/v1, as a script or the web UI would call it. */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;
    private final String cookie;
    private final String csrf;

    Api(int port, String user, String password) {
        this("http://127.0.0.1:" + port + "/api/v1/", user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                null, null);
    }

    private Api(String base, String authorization, String cookie, String csrf) {
        this.base = base;
        this.authorization = authorization;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    Api withCredentials(String user, String password) {
        return new Api(Integer.parseInt(base.replaceAll(".*:(\\d+)/.*", "$1")), user, password);
    }

    /** As a script with a session token ({@code Authorization: Bearer}). */
    Api withToken(String token) {
        return new Api(base, "Bearer " + token, null, null);
    }

    /** As the web UI: the session cookie, and the CSRF token sent back with changes (null: left out). */
    Api withCookie(String sessionCookie, String csrfToken) {
        return new Api(base, null, sessionCookie, csrfToken);
    }

    Api anonymous() {
        return new Api(base, null, null, null);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Response postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Waits until the API answers at all (the whiteboard registers it shortly after start). */
    Api awaitReady() {
        Response[] last = new Response[1];
        try {
            Poll.until(AttestaTestSupport.STARTUP, "GET /api/v1/municipalities to answer 200", () -> {
                last[0] = get("municipalities");
                return last[0].status() == 200;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer: " + last[0], e);
        }
        return this;
    }

    /** Encodes a query value as a browser would. */
    static String q(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (csrf != null) {
            builder.header("X-CSRF-Token", csrf);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(null), response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String contentType, String challenge, String body,
            java.util.Map<String, java.util.List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        String problemType() {
            return json().get("type").asText().replace("urn:attesta:problem:", "");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
