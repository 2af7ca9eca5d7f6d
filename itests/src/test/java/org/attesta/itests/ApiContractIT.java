package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The API's contract, generated from its own OpenAPI document in the running distribution:
 * every operation answers an error as one application/problem+json document whose status is the
 * HTTP status, and a bounded fuzz pass over every parameter and every JSON field (as the platform
 * administrator and as a school account) finds no 5xx and no other kind of error body. Every
 * response carries no-store and nosniff.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiContractIT extends AttestaTestSupport {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MUNICIPALITY = "930";
    private static final String SCHOOL = "930001";
    private static final String FOREIGN_MUNICIPALITY = "940";
    private static final String FOREIGN_SCHOOL = "940001";
    private static final String SCHOOL_LOGIN = "it-contract-school";
    private static final String LONG = "x".repeat(10_000);
    /** Values for every parameter: numbers past int and long, negatives, empty, long, controls, bidi, NUL. */
    private static final List<String> BAD_VALUES = List.of("-1", "0", "2147483647", "2147483648", "9223372036854775807",
            "9223372036854775808", "99999999999999999999999999", "1.5", "abc", "", " ", LONG, "\u0000", "a\u0000b",
            "\u001B[2J\u001B]0;x\u0007", "\u202Eтекст", "\u2066x\u2069", "' OR '1'='1", "%", "../..", "true");

    private static String token;
    private static String password;
    private static Ids ids;

    /** The ids of the objects the valid parts of each request point at. */
    record Ids(long examDay, long participant, long foreignParticipant, long venue, long auditorium, String importJob) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Api admin;
    private final List<String> wrong = new ArrayList<>();
    private int requests;

    @Configuration
    public Option[] config() {
        // The fuzz signs in with many wrong logins from one address: do not lock that address out.
        return baseConfig(
                editConfigurationFilePut("etc/org.attesta.security.sessions.cfg", "lockout.address.failures", "1000000"),
                editConfigurationFilePut("etc/org.attesta.security.sessions.cfg", "lockout.failures", "1000000"));
    }

    @Before
    public void region() {
        admin = api().awaitReady();
        if (ids != null) {
            return;
        }
        created(admin.post("municipalities", "{\"code\":\"" + MUNICIPALITY + "\",\"name\":\"Район контракта\"}"));
        created(admin.post("municipalities", "{\"code\":\"" + FOREIGN_MUNICIPALITY + "\",\"name\":\"Чужой район\"}"));
        created(admin.post("schools", "{\"code\":\"" + SCHOOL + "\",\"name\":\"Школа контракта\",\"municipalityCode\":\""
                + MUNICIPALITY + "\"}"));
        created(admin.post("schools", "{\"code\":\"" + FOREIGN_SCHOOL + "\",\"name\":\"Чужая школа\",\"municipalityCode\":\""
                + FOREIGN_MUNICIPALITY + "\"}"));
        long venue = created(admin.post("venues", "{\"code\":\"v" + SCHOOL + "\",\"name\":\"ППЭ\",\"schoolCode\":\""
                + SCHOOL + "\"}")).get("id").asLong();
        long auditorium = created(admin.post("venues/" + venue + "/auditoriums",
                "{\"number\":\"1\",\"capacity\":10,\"role\":\"INTERVIEW\"}")).get("id").asLong();
        Api.Response imported = admin.postBytes("participants/import", "text/csv",
                TestData.utf8(List.of(TestData.row(SCHOOL, 93_000, "Контрактов", "Иван", false),
                        TestData.row(FOREIGN_SCHOOL, 94_000, "Чужаков", "Пётр", false))));
        assertEquals(imported.toString(), 200, imported.status());
        long examDay = created(admin.post("exam-days", "{\"date\":\"2026-02-11\",\"kind\":\"MAIN\"}")).get("id").asLong();
        admin.post("exam-days/" + examDay + "/assignments", "{\"allSchools\":true}");
        admin.post("exam-days/" + examDay + "/seating?school=" + SCHOOL, "{}");
        String job = admin.postBytes("participants/import?async=true", "text/csv",
                TestData.utf8(List.of(TestData.row(SCHOOL, 93_001, "Фонов", "Олег", false)))).json().get("id").asText();
        ids = new Ids(examDay, firstParticipant(SCHOOL), firstParticipant(FOREIGN_SCHOOL), venue, auditorium, job);
        token = schoolAccountToken();
    }

    // --- (a) every operation's errors ---

    @Test
    public void everyOperationAnswersItsErrorsAsOneProblemDocument() throws Exception {
        List<Operation> operations = operations();
        assertTrue("the OpenAPI document lists the operations: " + operations.size(), operations.size() > 40);
        Set<String> withError = new LinkedHashSet<>();
        for (Operation operation : operations) {
            for (Caller caller : Caller.values()) {
                List<Request> provocations = caller == Caller.NOBODY
                        ? List.of(request(operation, Map.of(), base(operation))) : provocations(operation);
                for (Request request : provocations) {
                    if (checked(operation, caller, request) >= 400) {
                        withError.add(operation.name());
                    }
                }
            }
        }
        List<String> none = operations.stream().map(Operation::name).filter(name -> !withError.contains(name)).toList();
        assertTrue("operations no error was provoked for: " + none, none.isEmpty());
        assertNothingWrong();
    }

    // --- (b) the fuzz pass ---

    @Test
    public void aFuzzPassOverEveryParameterAndFieldFindsNo5xxAndOnlyProblemDocuments() throws Exception {
        long started = System.nanoTime();
        for (Operation operation : operations()) {
            for (Caller caller : FUZZERS) {
                for (Request request : fuzz(operation)) {
                    checked(operation, caller, request);
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("ApiContractIT fuzz: " + requests + " requests in " + seconds + " s");
        assertTrue("bounded: " + requests + " requests", requests < 10_000);
        assertNothingWrong();
    }

    @Test
    public void malformedPathsUnderTheApiAnswerProblemDocuments() throws Exception {
        for (String path : List.of("%00", "participants/%00", "schools/a%00b", "participants/1%00", "%zz", "%",
                "participants/%C0%AF", "a%2F..%2F..", "%E2%80%AE", "participants/1%", "..%00")) {
            for (Caller caller : FUZZERS) {
                // Sent as raw bytes: java.net.URI refuses to carry a broken escape.
                Response response = raw(caller, "GET", path);
                check("GET /" + path, caller, response);
                assertTrue("GET /" + path + ": " + response, response.status() == 400 || response.status() == 404
                        || response.status() == 401);
            }
        }
        assertNothingWrong();
    }

    @Test
    public void aDuplicateInAnotherTerritoryNamesNoRecordSchoolOrId() throws Exception {
        JsonNode foreign = admin.get("participants/" + ids.foreignParticipant()).json();
        ObjectNode draft = ((ObjectNode) draftOf(foreign)).put("schoolCode", SCHOOL).put("surname", "Двойников");
        draft.remove("snils");
        Response clash = send(Caller.SCHOOL, "POST", "participants", draft.toString(), "application/json");
        assertEquals(clash.toString(), 409, clash.status());
        String detail = STRICT.readTree(clash.body()).get("detail").asText();
        assertTrue(detail, detail.contains("уже зарегистрирован в регионе") && detail.contains("РЦОИ"));
        assertFalse(detail, detail.contains(Long.toString(ids.foreignParticipant())) || detail.contains(FOREIGN_SCHOOL)
                || detail.contains(FOREIGN_MUNICIPALITY));
        Response own = send(Caller.ADMIN, "POST", "participants", draft.toString(), "application/json");
        assertEquals(own.toString(), 409, own.status());
        assertTrue(own.body(), own.body().contains("id " + ids.foreignParticipant()));
    }

    @Test
    public void aForeignParticipantAnswersExactlyAsAnUnknownOne() throws Exception {
        long unknown = 987_654_321L;
        for (String method : List.of("GET", "DELETE")) {
            Response foreign = send(Caller.SCHOOL, method, "participants/" + ids.foreignParticipant(), null, null);
            Response missing = send(Caller.SCHOOL, method, "participants/" + unknown, null, null);
            assertEquals(foreign.toString(), 404, foreign.status());
            assertEquals(withoutId(missing.body(), unknown), withoutId(foreign.body(), ids.foreignParticipant()));
        }
        assertEquals(200, admin.get("participants/" + ids.foreignParticipant()).status());
    }

    // --- requests ---

    /** Who sends: the platform administrator (Basic), a school account (Bearer), or nobody (provocations only). */
    enum Caller { ADMIN, SCHOOL, NOBODY }

    private static final List<Caller> FUZZERS = List.of(Caller.ADMIN, Caller.SCHOOL);

    /** One operation of the OpenAPI document. */
    record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema, String bodyType) {
        String name() {
            return method + " " + path;
        }

        boolean isPublic() {
            return path.equals("/auth/login") || path.equals("/auth/tokens") || path.equals("/openapi.json");
        }
    }

    /** One request made of an operation: path and query values, a body (null: none) and its type. */
    record Request(Map<String, String> values, String body, String contentType, String method) {
    }

    private List<Operation> operations() throws IOException {
        JsonNode document = STRICT.readTree(admin.get("openapi.json").body());
        schemas = document.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            List<JsonNode> parameters = new ArrayList<>();
            op.getValue().path("parameters").forEach(parameters::add);
            JsonNode content = op.getValue().path("requestBody").path("content");
            String type = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
            JsonNode schema = type == null ? null : resolve(content.get(type).get("schema"));
            operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), parameters, schema, type));
        }));
        return operations;
    }

    private JsonNode schemas;

    private JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            return schemas.get(schema.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        return schema;
    }

    /** Requests meant to fail: a bad path value, a bad page, a broken body, no credentials. */
    private List<Request> provocations(Operation operation) {
        List<Request> requests = new ArrayList<>();
        for (JsonNode parameter : operation.parameters()) {
            String in = parameter.get("in").asText();
            String name = parameter.get("name").asText();
            if (in.equals("path")) {
                requests.add(request(operation, Map.of(name, "abc\u0000"), base(operation)));
            } else if (in.equals("query") && (name.equals("page") || name.equals("size"))) {
                requests.add(request(operation, Map.of(name, "2147483647"), base(operation)));
                requests.add(request(operation, Map.of(name, "abc"), base(operation)));
            }
        }
        if (operation.bodySchema() != null) {
            requests.add(request(operation, Map.of(), "{\"broken\": "));
        }
        if (operation.isPublic()) {
            requests.add(new Request(validValues(operation, Map.of()), base(operation), operation.bodyType() == null
                    ? null : contentType(operation), "PATCH"));
        }
        return requests;
    }

    /** One parameter or one field at a time made bad, everything else as a real request would have it. */
    private List<Request> fuzz(Operation operation) {
        List<Request> requests = new ArrayList<>();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.get("name").asText();
            if (parameter.get("in").asText().equals("header")) {
                if (!name.equals("Content-Length")) {
                    BAD_VALUES.stream().filter(value -> value.length() < 100 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7F))
                            .forEach(value -> requests.add(request(operation, Map.of("header:" + name, value), base(operation))));
                }
                continue;
            }
            BAD_VALUES.forEach(value -> requests.add(request(operation, Map.of(name, value), base(operation))));
        }
        if (operation.bodySchema() != null && operation.bodyType().equals("application/json")) {
            JsonNode base = STRICT.valueToTree(parse(base(operation)));
            fields(operation.bodySchema(), "").forEach((field, schema) -> badJson(schema).forEach(value ->
                    requests.add(request(operation, Map.of(), with(base, field, value).toString()))));
            for (String body : List.of("", "null", "[]", "\"x\"", "1e999", "{}", nested("[", "]", 5000),
                    "{\"a\":" + nested("{\"a\":", "}", 5000) + "1}", "{\"" + LONG + "\":1}")) {
                requests.add(request(operation, Map.of(), body));
            }
        }
        return requests;
    }

    /** The fields of a body schema by path ("document.number", "grants.0.role"), nested objects included. */
    private Map<String, JsonNode> fields(JsonNode schema, String prefix) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(property -> {
            String path = prefix + property.getKey();
            JsonNode resolved = resolve(property.getValue());
            fields.put(path, resolved);
            if (resolved.has("properties") && prefix.split("\\.").length < 3) {
                fields.putAll(fields(resolved, path + "."));
            }
            JsonNode items = resolve(resolved.path("items"));
            if (items != null && items.has("properties")) {
                fields.putAll(fields(items, path + ".0."));
            }
        });
        return fields;
    }

    /** Values of the wrong type, out of range, too long, unsafe, or nested deep. */
    private static List<JsonNode> badJson(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.textNode(""), NODES.textNode(LONG),
                NODES.textNode("\u0000"), NODES.textNode("Ива\u202Eнов"), NODES.textNode("\u001B[2J\u009B31m"),
                NODES.numberNode(new java.math.BigInteger("2147483648")),
                NODES.numberNode(new java.math.BigInteger("9223372036854775808")), NODES.numberNode(-1),
                NODES.numberNode(1.5), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode()));
        values.add(NODES.arrayNode().add(NODES.numberNode(new java.math.BigInteger("99999999999999999999"))));
        values.add(NODES.arrayNode().add("x").add(NODES.nullNode()));
        ObjectNode deep = NODES.objectNode();
        ObjectNode inner = deep;
        for (int i = 0; i < 200; i++) {
            inner = inner.putObject("a");
        }
        values.add(deep);
        if (schema.has("enum")) {
            values.add(NODES.textNode("NO_SUCH_VALUE"));
        }
        if ("date".equals(schema.path("format").asText())) {
            values.add(NODES.textNode("2026-02-30"));
            values.add(NODES.textNode("+999999999-12-31"));
        }
        return values;
    }

    private Request request(Operation operation, Map<String, String> changed, String body) {
        return new Request(validValues(operation, changed), body, operation.bodyType() == null ? null
                : body != null && operation.bodyType().equals("application/json") ? "application/json"
                : contentType(operation), operation.method());
    }

    private static String contentType(Operation operation) {
        return operation.bodyType().equals("application/json") ? "application/json" : "text/csv";
    }

    /** Real values for every path parameter and the required query ones, then the changed ones. */
    private Map<String, String> validValues(Operation operation, Map<String, String> changed) {
        Map<String, String> values = new TreeMap<>();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.get("name").asText();
            if (parameter.get("in").asText().equals("path")) {
                values.put(name, pathValue(operation.path(), name));
            } else if (name.equals("school") && operation.path().endsWith("/seating")) {
                values.put(name, SCHOOL);
            }
        }
        values.putAll(changed);
        return values;
    }

    private String pathValue(String path, String name) {
        if (name.equals("participantId")) {
            return Long.toString(ids.participant());
        }
        if (name.equals("login")) {
            return "it-contract-target";
        }
        if (name.equals("code")) {
            return path.startsWith("/schools") ? SCHOOL : MUNICIPALITY;
        }
        if (path.startsWith("/exam-days")) {
            return Long.toString(ids.examDay());
        }
        if (path.startsWith("/venues")) {
            return Long.toString(ids.venue());
        }
        if (path.startsWith("/import-jobs")) {
            return ids.importJob();
        }
        return Long.toString(ids.participant());
    }

    /** A body a real caller would send, so that one bad field is what the server meets. */
    private String base(Operation operation) {
        if (operation.bodySchema() == null) {
            return null;
        }
        if (!operation.bodyType().equals("application/json")) {
            return new String(TestData.utf8(List.of(TestData.row(SCHOOL, 93_500, "Фаззов", "Иван", false))),
                    StandardCharsets.UTF_8);
        }
        return switch (operation.path()) {
            case "/accounts" -> "{\"login\":\"it-fuzz\",\"displayName\":\"Фазз\",\"grants\":[{\"role\":\"EXPERT\","
                    + "\"scope\":{\"level\":\"SCHOOL\",\"code\":\"" + SCHOOL + "\"}}]}";
            case "/accounts/bulk" -> "{\"roles\":[\"EXPERT\"],\"municipalityCode\":\"" + MUNICIPALITY + "\"}";
            case "/auth/login", "/auth/tokens" -> "{\"login\":\"it-nobody\",\"password\":\"не-тот-пароль\"}";
            case "/auth/password" -> "{\"currentPassword\":\"не-тот-пароль\",\"newPassword\":\"Другой-пароль-2026\"}";
            case "/exam-days" -> "{\"date\":\"2027-05-12\",\"kind\":\"ADDITIONAL\"}";
            case "/exam-days/{id}/assignments" -> "{\"school\":\"" + SCHOOL + "\"}";
            case "/exam-days/{id}/seating/{participantId}" -> "{\"auditoriumId\":" + ids.auditorium() + ",\"start\":\"09:00\"}";
            case "/municipalities", "/municipalities/{code}" -> "{\"code\":\"" + MUNICIPALITY + "\",\"name\":\"Район\"}";
            case "/schools", "/schools/{code}" -> "{\"code\":\"" + SCHOOL + "\",\"name\":\"Школа\",\"municipalityCode\":\""
                    + MUNICIPALITY + "\"}";
            case "/venues" -> "{\"code\":\"v" + SCHOOL + "\",\"name\":\"ППЭ\",\"schoolCode\":\"" + SCHOOL + "\"}";
            case "/venues/{id}/auditoriums" -> "{\"number\":\"1\",\"capacity\":10,\"role\":\"INTERVIEW\"}";
            case "/participants", "/participants/{id}" -> participantDraft();
            default -> "{}";
        };
    }

    private String participantDraft() {
        return draftOf(admin.get("participants/" + ids.participant()).json()).toString();
    }

    private static JsonNode draftOf(JsonNode participant) {
        ObjectNode draft = participant.deepCopy();
        draft.remove("id");
        return draft;
    }

    /** The body with the field at a dotted path set to the value (objects and the first array element made as needed). */
    private static JsonNode with(JsonNode base, String field, JsonNode value) {
        JsonNode copy = base.deepCopy();
        String[] parts = field.split("\\.");
        JsonNode node = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.isArray() ? ((ArrayNode) node).path(Integer.parseInt(parts[i])) : node.path(parts[i]);
            if (!next.isContainerNode()) {
                next = parts[i + 1].matches("\\d+") ? NODES.arrayNode().add(NODES.objectNode()) : NODES.objectNode();
                if (node.isObject()) {
                    ((ObjectNode) node).set(parts[i], next);
                } else {
                    return copy;
                }
            }
            node = next.isArray() && ((ArrayNode) next).isEmpty() ? ((ArrayNode) next).addObject() : next;
        }
        if (node.isObject()) {
            ((ObjectNode) node).set(parts[parts.length - 1], value);
        }
        return copy;
    }

    private static Object parse(String json) {
        try {
            return STRICT.readValue(json, Object.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nested(String open, String close, int depth) {
        return open.repeat(depth) + close.repeat(depth);
    }

    // --- sending and checking ---

    record Response(int status, String contentType, String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** Sends the request and checks the answer; returns its status. */
    private int checked(Operation operation, Caller caller, Request request) throws Exception {
        String path = operation.path().substring(1);
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> value : request.values().entrySet()) {
            if (value.getKey().startsWith("header:")) {
                headers.put(value.getKey().substring(7), value.getValue());
            } else if (path.contains("{" + value.getKey() + "}")) {
                path = path.replace("{" + value.getKey() + "}", segment(value.getValue()));
            } else {
                query.append(query.length() == 0 ? "?" : "&").append(value.getKey()).append('=')
                        .append(URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8));
            }
        }
        Response response = send(caller, request.method(), path + query, request.body(),
                headers.getOrDefault("Content-Type", request.contentType()), headers);
        check(operation.name() + " " + describe(request), caller, response);
        return response.status();
    }

    private void check(String what, Caller caller, Response response) {
        requests++;
        String where = caller + " " + what + " → " + response;
        if (response.status() >= 500) {
            wrong.add("5xx: " + where);
            return;
        }
        if (!"no-store".equals(response.header("Cache-Control"))
                || !"nosniff".equals(response.header("X-Content-Type-Options"))) {
            wrong.add("headers " + response.header("Cache-Control") + "/" + response.header("X-Content-Type-Options")
                    + ": " + where);
        }
        if (response.status() < 400) {
            return;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            wrong.add("not problem+json: " + where);
            return;
        }
        try {
            JsonNode problem = STRICT.readTree(response.body());
            if (!problem.path("type").asText().startsWith("urn:attesta:problem:") || !problem.path("title").isTextual()
                    || problem.path("title").asText().isEmpty() || problem.path("status").asInt() != response.status()
                    || !problem.path("detail").isTextual()) {
                wrong.add("problem fields: " + where);
            }
        } catch (IOException e) {
            wrong.add("not one JSON document (" + e.getMessage().lines().findFirst().orElse("") + "): " + where);
        }
    }

    private Response send(Caller caller, String method, String pathAndQuery, String body, String contentType) {
        return send(caller, method, pathAndQuery, body, contentType, Map.of());
    }

    private Response send(Caller caller, String method, String pathAndQuery, String body, String contentType,
            Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + Integer.getInteger("attesta.test.httpPort") + "/api/v1/" + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (caller == Caller.ADMIN) {
            builder.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(("admin:" + password()).getBytes(StandardCharsets.UTF_8)));
        } else if (caller == Caller.SCHOOL) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                builder.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            return new Response(599, "", "connection failed: " + e, Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request written to a socket as is, for paths no URI class will send. */
    private Response raw(Caller caller, String method, String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", Integer.getInteger("attesta.test.httpPort"))) {
            socket.setSoTimeout(30_000);
            String authorization = caller == Caller.ADMIN ? "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(("admin:" + password()).getBytes(StandardCharsets.UTF_8)) : "Bearer " + token;
            socket.getOutputStream().write((method + " /api/v1/" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: " + authorization + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.computeIfAbsent(head[i].substring(0, colon).strip(), k -> new ArrayList<>())
                        .add(head[i].substring(colon + 1).strip());
            }
            String body = answer.substring(end + 4);
            if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
                body = unchunked(body);
            }
            Response response = new Response(Integer.parseInt(head[0].split(" ")[1]), "", body, headers);
            return new Response(response.status(), response.header("Content-Type") == null ? ""
                    : response.header("Content-Type"), body, headers);
        }
    }

    private static String unchunked(String body) {
        StringBuilder text = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return text.toString();
            }
            // Sizes count bytes; the bodies here are ASCII JSON with escaped text, or short UTF-8.
            byte[] rest = body.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
            text.append(chunk);
            at = lineEnd + 2 + chunk.length() + 2;
        }
    }

    private void assertNothingWrong() {
        wrong.sort(java.util.Comparator.comparing((String w) -> !w.startsWith("5xx")));
        wrong.forEach(w -> System.out.println("CONTRACT " + w));
        Map<String, Integer> kinds = new TreeMap<>();
        wrong.forEach(w -> kinds.merge(w.substring(0, w.indexOf(':')), 1, Integer::sum));
        assertTrue(wrong.size() + " findings in " + requests + " answers break the contract " + kinds + ":\n"
                + String.join("\n", wrong.subList(0, Math.min(60, wrong.size()))), wrong.isEmpty());
    }

    /** A path segment: every character percent-encoded as needed, a NUL included. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String describe(Request request) {
        StringBuilder text = new StringBuilder();
        request.values().forEach((name, value) -> text.append(name).append('=').append(shortly(value)).append(' '));
        if (request.body() != null) {
            text.append("body=").append(shortly(request.body()));
        }
        return text.toString().strip();
    }

    private static String shortly(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "…(" + value.length() + ")" : value;
        StringBuilder safe = new StringBuilder();
        shown.codePoints().forEach(c -> safe.append(c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x2066 && c <= 0x2069)
                || (c >= 0x202A && c <= 0x202E) ? String.format("<U+%04X>", c) : Character.toString(c)));
        return safe.toString();
    }

    private static String withoutId(String body, long id) {
        return body.replace(Long.toString(id), "ID");
    }

    // --- set-up ---

    private static String password() {
        if (password == null) {
            password = adminPassword();
        }
        return password;
    }

    private long firstParticipant(String school) {
        return admin.get("participants?school=" + school).json().get("items").get(0).get("id").asLong();
    }

    /** A responsible organiser of the school, signed in by token with the one-time password changed. */
    private String schoolAccountToken() {
        for (String login : List.of(SCHOOL_LOGIN, "it-contract-target")) {
            created(admin.post("accounts", "{\"login\":\"" + login + "\",\"displayName\":\"Организатор\",\"grants\":"
                    + "[{\"role\":\"RESPONSIBLE_ORGANIZER\",\"scope\":{\"level\":\"SCHOOL\",\"code\":\"" + SCHOOL + "\"}}]}"));
        }
        String oneTime = admin.post("accounts/" + SCHOOL_LOGIN + "/credentials", "{}").json().get("oneTimePassword").asText();
        ObjectNode login = NODES.objectNode().put("login", SCHOOL_LOGIN).put("password", oneTime);
        Api.Response first = admin.anonymous().post("auth/tokens", login.toString());
        assertEquals(first.toString(), 200, first.status());
        String session = first.json().get("token").asText();
        Api.Response changed = admin.withToken(session).post("auth/password", NODES.objectNode()
                .put("currentPassword", oneTime).put("newPassword", "Тихая-гавань-2026").toString());
        assertEquals(changed.toString(), 204, changed.status());
        login.put("password", "Тихая-гавань-2026");
        return admin.anonymous().post("auth/tokens", login.toString()).json().get("token").asText();
    }

    private static JsonNode created(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        return response.json();
    }

}
