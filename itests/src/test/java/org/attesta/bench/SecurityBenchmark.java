package org.attesta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The security figures of docs/performance.md: the cost of one Argon2id check at the shipped
 * parameters (against SHA-256 of the same input, measured in the same run), logins per second
 * the distribution sustains while a cheap request keeps being served, and the cost of the
 * access checks on a list request. Runs the distribution as a user starts it (with the demo
 * region), on 127.0.0.1: {@code mvn -B -pl itests -Pbench-security verify}.
 */
public final class SecurityBenchmark {
    private static final String PASSWORD = "bench-password-2026";
    private static final String CHOSEN = "Скамейка-у-реки-2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path work;
    private int port;
    private BenchDistribution distribution;

    private SecurityBenchmark(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        new SecurityBenchmark(Path.of(args[1])).run(Path.of(args[0]));
    }

    private void run(Path dist) throws Exception {
        distribution = BenchDistribution.unpack(dist, work);
        port = distribution.port;
        distribution.recordMachine();
        argon2Cost();
        Process karaf = distribution.start(PASSWORD, true);
        try {
            awaitDemo();
            List<String> logins = accounts(8);
            logins(logins);
            scopeOverhead();
        } finally {
            BenchDistribution.stop(karaf);
        }
        distribution.writeResults();
    }

    /** Argon2id at the shipped setting (m=19456 KiB, t=2, p=1) in this JVM with Bouncy Castle 1.83. */
    private void argon2Cost() throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] password = CHOSEN.getBytes(StandardCharsets.UTF_8);
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(19 * 1024).withIterations(2)
                .withParallelism(1).withSalt(salt).build();
        for (int i = 0; i < 5; i++) {
            argon2(parameters, password);
        }
        long[] nanos = new long[40];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            argon2(parameters, password);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int shaCount = 1_000_000;
        long t = System.nanoTime();
        for (int i = 0; i < shaCount; i++) {
            sha.update(password);
            sha.update((byte) i);
            sha.digest();
        }
        double shaMicros = (System.nanoTime() - t) / 1e3 / shaCount;
        record("Argon2id verify, m=19456 KiB t=2 p=1 (in-process, 40 runs)", String.format(Locale.ROOT,
                "median %.1f ms, p95 %.1f ms, max %.1f ms; SHA-256 of the same input: %.2f µs (x%,d cheaper)",
                nanos[20] / 1e6, nanos[38] / 1e6, nanos[39] / 1e6, shaMicros, (long) (nanos[20] / 1e3 / shaMicros)));
    }

    private static void argon2(Argon2Parameters parameters, byte[] password) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        generator.generateBytes(password, new byte[32]);
    }

    /** Issues accounts for the demo schools and sets a chosen (Argon2id-hashed) password on some of them. */
    private List<String> accounts(int count) throws Exception {
        expect(201, post("accounts/bulk", basic(), null,
                "{\"roles\":[\"RESPONSIBLE_ORGANIZER\",\"TECHNICAL_SPECIALIST\"]}"), 200);
        List<String> logins = new ArrayList<>();
        JsonNode organisers = JSON.readTree(get("accounts?role=RESPONSIBLE_ORGANIZER&size=" + count, basic()).body());
        for (JsonNode account : organisers.get("items")) {
            String login = account.get("login").asText();
            String oneTime = JSON.readTree(expect(200, post("accounts/" + login + "/credentials", basic(), null, "{}"),
                    200).body()).get("oneTimePassword").asText();
            String token = token(login, oneTime);
            expect(204, post("auth/password", "Bearer " + token, null, "{\"currentPassword\":\"" + oneTime
                    + "\",\"newPassword\":\"" + CHOSEN + "\"}"), 204);
            logins.add(login);
        }
        return logins;
    }

    /**
     * Clients log in as fast as they can for 20 s while one other client keeps asking a cheap
     * authenticated question; its latency is measured before and during the logins.
     */
    private void logins(List<String> logins) throws Exception {
        String reader = token(logins.get(0), CHOSEN);
        long[] idle = latencies("exam-days", "Bearer " + reader, 500);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(5);
        List<Future<long[]>> loginTimes = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < 4; c++) {
            String login = logins.get(1 + c);
            loginTimes.add(clients.submit(() -> {
                List<Long> times = new ArrayList<>();
                while (running.get()) {
                    long t = System.nanoTime();
                    token(login, CHOSEN);
                    times.add(System.nanoTime() - t);
                }
                return times.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        Future<long[]> busy = clients.submit(() -> latencies("exam-days", "Bearer " + reader, 400));
        long[] during = busy.get();
        LockSupport.parkNanos(Duration.ofSeconds(20).toNanos() - (System.nanoTime() - started));
        running.set(false);
        long elapsed = System.nanoTime() - started;
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : loginTimes) {
            for (long n : f.get()) {
                all.add(n);
            }
        }
        clients.shutdown();
        Collections.sort(all);
        record("logins (POST /auth/tokens, 4 clients, 20 s)", String.format(Locale.ROOT,
                "%.1f logins/s; latency p50 %.0f ms, p99 %.0f ms", all.size() / (elapsed / 1e9),
                all.get(all.size() / 2) / 1e6, all.get(all.size() * 99 / 100) / 1e6));
        record("cheap request GET /exam-days (token) alone vs during the logins", String.format(Locale.ROOT,
                "p50 %.1f → %.1f ms, p99 %.1f → %.1f ms", idle[idle.length / 2] / 1e6, during[during.length / 2] / 1e6,
                idle[idle.length * 99 / 100] / 1e6, during[during.length * 99 / 100] / 1e6));
    }

    /**
     * The same list, asked by a school's account (session token looked up, permission and
     * territory checked, the list cut to the school) and by the platform administrator (no
     * session, no territory: the Basic password is remembered after the first check). Batches
     * alternate so that both see the same machine.
     */
    private void scopeOverhead() throws Exception {
        JsonNode account = JSON.readTree(get("accounts?role=RESPONSIBLE_ORGANIZER&size=1", basic()).body())
                .get("items").get(0);
        String school = account.get("grants").get(0).get("scope").get("code").asText();
        String token = "Bearer " + token(account.get("login").asText(), CHOSEN);
        String path = "participants?size=50&school=" + school;
        latencies(path, token, 300);
        latencies(path, basic(), 300);
        List<Long> checked = new ArrayList<>();
        List<Long> unchecked = new ArrayList<>();
        long checkedTime = 0;
        long uncheckedTime = 0;
        for (int round = 0; round < 10; round++) {
            long t = System.nanoTime();
            for (long n : latencies(path, token, 200)) {
                checked.add(n);
            }
            checkedTime += System.nanoTime() - t;
            t = System.nanoTime();
            for (long n : latencies(path, basic(), 200)) {
                unchecked.add(n);
            }
            uncheckedTime += System.nanoTime() - t;
        }
        Collections.sort(checked);
        Collections.sort(unchecked);
        double checkedRate = checked.size() / (checkedTime / 1e9);
        double uncheckedRate = unchecked.size() / (uncheckedTime / 1e9);
        record("GET /" + path + ", school account (token, scope-checked)", String.format(Locale.ROOT,
                "%.0f req/s, p50 %.2f ms, p99 %.2f ms", checkedRate, checked.get(checked.size() / 2) / 1e6,
                checked.get(checked.size() * 99 / 100) / 1e6));
        record("same request, platform administrator (no session, no territory)", String.format(Locale.ROOT,
                "%.0f req/s, p50 %.2f ms, p99 %.2f ms", uncheckedRate, unchecked.get(unchecked.size() / 2) / 1e6,
                unchecked.get(unchecked.size() * 99 / 100) / 1e6));
        record("cost of the checks (target ≤ 20 %)", String.format(Locale.ROOT, "%.1f %% fewer requests per second",
                100 * (1 - checkedRate / uncheckedRate)));
    }

    private long[] latencies(String path, String authorization, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            expect(200, get(path, authorization), 200);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private String token(String login, String password) throws Exception {
        HttpResponse<String> response = post("auth/tokens", null, null, "{\"login\":\"" + login + "\",\"password\":\""
                + password + "\"}");
        return JSON.readTree(expect(200, response, 200).body()).get("token").asText();
    }

    private void awaitDemo() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get("participants?size=1", basic());
                if (response.statusCode() == 200 && JSON.readTree(response.body()).get("total").asInt() >= 3000) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new IllegalStateException("The demo region was not loaded within 4 minutes; see " + work);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return http.send(request(path, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String authorization, String csrf, String json)
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

    private static HttpResponse<String> expect(int status, HttpResponse<String> response, int alternative) {
        if (response.statusCode() != status && response.statusCode() != alternative) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response;
    }

    private void record(String what, String value) {
        distribution.record(what, value);
    }

}
