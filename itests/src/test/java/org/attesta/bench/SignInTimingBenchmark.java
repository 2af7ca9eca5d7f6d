package org.attesta.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Whether sign-in time tells which logins exist (docs/performance.md, "Sign-in time"): the
 * median answer time of a wrong password for an unknown login, a known login (chosen password,
 * Argon2id), a login with a pending one-time password and the platform administrator, for
 * session tokens ({@code POST /auth/tokens}) and for HTTP Basic, against the distribution on
 * 127.0.0.1. Attempts go in rounds (one of each kind, in a new order each round), so a change in
 * the machine's load hits every kind alike.
 * The lockout thresholds are raised for the run (etc/org.attesta.security.sessions.cfg), so that
 * every attempt is checked rather than refused as locked. Run with
 * {@code mvn -B -pl itests -Pbench-security verify}.
 */
public final class SignInTimingBenchmark {
    private static final String PASSWORD = "bench-password-2026";
    private static final String CHOSEN = "Скамейка-у-реки-2026";
    private static final int WARM_UP = 5;
    private static final int ROUNDS = Integer.getInteger("bench.signin.rounds", 100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path work;
    private int port;
    private BenchDistribution distribution;
    private int unknown;

    private SignInTimingBenchmark(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        new SignInTimingBenchmark(Path.of(args[1])).run(Path.of(args[0]));
    }

    private void run(Path dist) throws Exception {
        distribution = BenchDistribution.unpack(dist, work);
        port = distribution.port;
        distribution.recordMachine();
        record("Argon2id verify in-process (the limit), m=19456 KiB t=2 p=1, 20 runs", String.format(Locale.ROOT,
                "median %.1f ms", argon2Median()));
        Files.writeString(distribution.home.resolve("etc/org.attesta.security.sessions.cfg"),
                "lockout.failures = 1000000\nlockout.address.failures = 1000000\n");
        Process karaf = distribution.start(PASSWORD, false);
        try {
            awaitReady();
            String known = issue("bench-known");
            String pending = issue("bench-pending");
            setChosenPassword(known);
            measure(Map.of("unknown login", "nobody", "known login (wrong password)", known,
                    "pending one-time password (wrong password)", pending,
                    "platform administrator (wrong password)", "admin"));
        } finally {
            BenchDistribution.stop(karaf);
        }
        distribution.writeResults();
    }

    private void measure(Map<String, String> kinds) throws Exception {
        Map<String, List<Long>> token = new LinkedHashMap<>();
        Map<String, List<Long>> basic = new LinkedHashMap<>();
        List<Map.Entry<String, String>> order = new ArrayList<>(kinds.entrySet());
        java.util.Random shuffle = new java.util.Random(11);
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            // A fresh order every round, so no kind always follows the same other one.
            java.util.Collections.shuffle(order, shuffle);
            for (Map.Entry<String, String> kind : order) {
                long tokenNanos = timeToken(login(kind.getValue()));
                long basicNanos = timeBasic(login(kind.getValue()));
                if (round >= WARM_UP) {
                    token.computeIfAbsent(kind.getKey(), k -> new ArrayList<>()).add(tokenNanos);
                    basic.computeIfAbsent(kind.getKey(), k -> new ArrayList<>()).add(basicNanos);
                }
            }
        }
        report("POST /auth/tokens", token);
        report("HTTP Basic (GET /municipalities)", basic);
    }

    /** Each unknown attempt uses a new login, as a prober would. */
    private String login(String kind) {
        return kind.equals("nobody") ? "nobody-" + (unknown++) : kind;
    }

    private void report(String path, Map<String, List<Long>> samples) {
        double fastest = Double.MAX_VALUE;
        double slowest = 0;
        for (Map.Entry<String, List<Long>> kind : samples.entrySet()) {
            long[] nanos = kind.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            double median = nanos[nanos.length / 2] / 1e6;
            fastest = Math.min(fastest, median);
            slowest = Math.max(slowest, median);
            record(path + ", " + kind.getKey() + " (" + nanos.length + " attempts)", String.format(Locale.ROOT,
                    "median %.1f ms, p10 %.1f ms, p90 %.1f ms", median, nanos[nanos.length / 10] / 1e6,
                    nanos[nanos.length * 9 / 10] / 1e6));
        }
        record(path + ": slowest median vs fastest (target ≤ 10 %)", String.format(Locale.ROOT, "+%.1f %% %s",
                100 * (slowest / fastest - 1), slowest <= 1.10 * fastest ? "(within)" : "(NOT within)"));
    }

    private long timeToken(String login) throws Exception {
        String body = "{\"login\":\"" + login + "\",\"password\":\"wrong-" + System.nanoTime() + "\"}";
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request("auth/tokens", null).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        expect(401, response);
        return nanos;
    }

    private long timeBasic(String login) throws Exception {
        String authorization = basic(login, "wrong-" + System.nanoTime());
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request("municipalities", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        expect(401, response);
        return nanos;
    }

    /** A region operator: needs no registry data; its one-time password is left pending. */
    private String issue(String login) throws Exception {
        expect(201, post("accounts", basic("admin", PASSWORD), "{\"login\":\"" + login
                + "\",\"displayName\":\"Замер\",\"grants\":[{\"role\":\"REGION_OPERATOR\",\"scope\":{\"level\":\"REGION\"}}]}"));
        return login;
    }

    private void setChosenPassword(String login) throws Exception {
        String oneTime = JSON.readTree(expect(200, post("accounts/" + login + "/credentials", basic("admin", PASSWORD),
                "{}")).body()).get("oneTimePassword").asText();
        String token = JSON.readTree(expect(200, post("auth/tokens", null, "{\"login\":\"" + login
                + "\",\"password\":\"" + oneTime + "\"}")).body()).get("token").asText();
        expect(204, post("auth/password", "Bearer " + token, "{\"currentPassword\":\"" + oneTime
                + "\",\"newPassword\":\"" + CHOSEN + "\"}"));
    }

    private static double argon2Median() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(19 * 1024).withIterations(2)
                .withParallelism(1).withSalt(salt).build();
        long[] nanos = new long[25];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            generator.generateBytes(CHOSEN.getBytes(StandardCharsets.UTF_8), new byte[32]);
            nanos[i] = System.nanoTime() - t;
        }
        long[] measured = Arrays.copyOfRange(nanos, 5, nanos.length);
        Arrays.sort(measured);
        return measured[measured.length / 2] / 1e6;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request("municipalities", basic("admin", PASSWORD)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new IllegalStateException("The distribution did not answer within 3 minutes; see " + work);
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String authorization, String json)
            throws IOException, InterruptedException {
        return http.send(request(path, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/" + path))
                .timeout(Duration.ofSeconds(60));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }

    private void record(String what, String value) {
        distribution.record(what, value);
    }

}
