package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A burst of 100 wrong passwords at once for one login, through REST in the running
 * distribution: no more than the limit of 5 are checked, the login stays locked, and even the
 * right password is refused until the lock ends. The lock lasts one minute here so that the
 * test can see it end.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LockoutIT extends AttestaTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BURST = 100;
    private static final String LOGIN = "it-burst";
    private static final String CHOSEN = "Тихая-гавань-2026";

    @Configuration
    public Option[] config() {
        return baseConfig(editConfigurationFilePut("etc/org.attesta.security.sessions.cfg", "lockout.minutes", "1"));
    }

    @Test
    public void aBurstOfWrongPasswordsChecksNoMoreThanTheLimitAndTheLockHolds() throws Exception {
        Api admin = api().awaitReady();
        String password = accountWithChosenPassword(admin);

        List<Api.Response> answers = burst(admin.anonymous());

        long wrong = answers.stream().filter(a -> a.status() == 401).count();
        long refused = answers.stream().filter(a -> a.status() == 429).count();
        assertEquals("every answer is 401 or 429: " + answers, BURST, wrong + refused);
        assertTrue("at most 4 plain refusals before the 5th locks: " + wrong, wrong <= 4);
        assertTrue(answers.stream().filter(a -> a.status() == 429).allMatch(a -> a.header("Retry-After") != null
                && "too-many-attempts".equals(a.problemType())));

        List<JsonNode> denied = deniedAttempts(admin);
        long checked = denied.stream().filter(e -> e.get("after").get("reason").asText().equals("wrong-password"))
                .count();
        assertTrue("passwords checked: " + checked, checked >= 1 && checked <= 5);
        assertEquals(BURST - checked, denied.stream()
                .filter(e -> e.get("after").get("reason").asText().equals("locked")).count());
        assertTrue("the typed login is an attempt, not the actor",
                denied.stream().allMatch(e -> e.get("actor").isNull() && e.get("actorKind").asText().equals("ANONYMOUS")));

        String lockedUntil = admin.get("accounts/" + LOGIN).json().get("lockedUntil").asText(null);
        assertNotNull("the login is locked", lockedUntil);
        Api.Response right = admin.anonymous().post("auth/tokens", loginBody(LOGIN, password));
        assertEquals(right.toString(), 429, right.status());
        assertTrue(right.header("Retry-After"), Integer.parseInt(right.header("Retry-After")) <= 60);

        Instant[] signedIn = new Instant[1];
        Poll.until(Duration.ofSeconds(90), "the lock to end", () -> {
            Api.Response attempt = admin.anonymous().post("auth/tokens", loginBody(LOGIN, password));
            assertTrue(attempt.toString(), attempt.status() == 429 || attempt.status() == 200);
            signedIn[0] = Instant.now();
            return attempt.status() == 200;
        });
        assertTrue("the right password was refused until " + lockedUntil + ", accepted at " + signedIn[0],
                !signedIn[0].isBefore(Instant.parse(lockedUntil).minusSeconds(1)));
        assertEquals(200, admin.anonymous().post("auth/tokens", loginBody(LOGIN, password)).status());
    }

    /** An account whose password is a chosen one, so that each check costs a real Argon2id. */
    private static String accountWithChosenPassword(Api admin) {
        Api.Response issued = admin.post("accounts", "{\"login\":\"" + LOGIN + "\",\"displayName\":\"Тест\","
                + "\"grants\":[{\"role\":\"REGION_OPERATOR\",\"scope\":{\"level\":\"REGION\",\"code\":null}}]}");
        assertEquals(issued.toString(), 201, issued.status());
        String oneTime = admin.post("accounts/" + LOGIN + "/credentials", "{}").json().get("oneTimePassword").asText();
        Api.Response first = admin.anonymous().post("auth/tokens", loginBody(LOGIN, oneTime));
        assertEquals(first.toString(), 200, first.status());
        Api.Response changed = admin.withToken(first.json().get("token").asText()).post("auth/password",
                "{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + CHOSEN + "\"}");
        assertEquals(changed.toString(), 204, changed.status());
        return CHOSEN;
    }

    private static List<Api.Response> burst(Api stranger) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                String body = loginBody(LOGIN, "not-the-password-" + i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return stranger.post("auth/tokens", body);
                }));
            }
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<JsonNode> deniedAttempts(Api admin) {
        JsonNode page = admin.get("audit?action=auth.login&outcome=DENIED&size=500").json();
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(e -> LOGIN.equals(e.get("after").path("attemptedLogin").asText(null))).toList();
    }

    private static String loginBody(String login, String password) {
        ObjectNode body = JSON.createObjectNode();
        body.put("login", login);
        body.put("password", password);
        return body.toString();
    }
}
