package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Who may do what where, through REST in the running distribution: every operation of the
 * registry, accounts and audit for every role, in the role's own territory and in a foreign
 * one (403, or 404 for a person addressed by id, and nothing foreign in any list or search); sign-in by cookie with CSRF, by
 * token and by Basic; lockout; forged tokens.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT extends AttestaTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWN_MUNICIPALITY = "910";
    private static final String FOREIGN_MUNICIPALITY = "920";
    private static final String OWN_SCHOOL = "910001";
    private static final String SIBLING_SCHOOL = "910002";
    private static final String FOREIGN_SCHOOL = "920001";
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    /** The permissions of each role, written out here independently of the server's table. */
    enum Role {
        REGION_ADMINISTRATOR("REGION", null, EnumSet.allOf(Perm.class)),
        REGION_OPERATOR("REGION", null, EnumSet.complementOf(EnumSet.of(Perm.ACCOUNTS_MANAGE, Perm.AUDIT_READ))),
        MUNICIPAL_SPECIALIST("MUNICIPALITY", OWN_MUNICIPALITY, EnumSet.of(Perm.REGISTRY_READ, Perm.SCHOOLS_EDIT,
                Perm.VENUES_EDIT, Perm.PARTICIPANTS_READ, Perm.PARTICIPANTS_EDIT, Perm.PARTICIPANTS_IMPORT,
                Perm.SEATING_EDIT, Perm.ACCOUNTS_READ, Perm.ACCOUNTS_MANAGE)),
        SCHOOL_HEAD("SCHOOL", OWN_SCHOOL, EnumSet.of(Perm.REGISTRY_READ, Perm.PARTICIPANTS_READ, Perm.ACCOUNTS_READ)),
        RESPONSIBLE_ORGANIZER("SCHOOL", OWN_SCHOOL, EnumSet.of(Perm.REGISTRY_READ, Perm.VENUES_EDIT,
                Perm.PARTICIPANTS_READ, Perm.PARTICIPANTS_EDIT, Perm.PARTICIPANTS_IMPORT, Perm.SEATING_EDIT)),
        TECHNICAL_SPECIALIST("SCHOOL", OWN_SCHOOL, EnumSet.of(Perm.REGISTRY_READ, Perm.PARTICIPANTS_READ)),
        EXPERT("SCHOOL", OWN_SCHOOL, EnumSet.of(Perm.REGISTRY_READ, Perm.PARTICIPANTS_READ));

        final String level;
        final String code;
        final Set<Perm> permissions;

        Role(String level, String code, Set<Perm> permissions) {
            this.level = level;
            this.code = code;
            this.permissions = permissions;
        }

        boolean regional() {
            return level.equals("REGION");
        }

        String login() {
            return "it-" + name().toLowerCase().replace('_', '-');
        }
    }

    enum Perm {
        REGISTRY_READ, SCHOOLS_EDIT, VENUES_EDIT, EXAM_DAYS_EDIT, PARTICIPANTS_READ, PARTICIPANTS_EDIT,
        PARTICIPANTS_IMPORT, SEATING_EDIT, ACCOUNTS_READ, ACCOUNTS_MANAGE, AUDIT_READ
    }

    /** Where an operation's object lies. */
    enum Place { SCHOOL, MUNICIPALITY, REGION }

    /** One operation, made for a school (or municipality) code. */
    record Operation(String name, Perm needs, Place place, Function<String, Api.Response> call) {
    }

    private Api admin;
    private long examDay;
    private final Map<String, Long> participantOf = new LinkedHashMap<>();
    private final Map<String, String> draftOf = new LinkedHashMap<>();
    private final Map<String, Long> venueOf = new LinkedHashMap<>();
    private final Map<String, String> seatOf = new LinkedHashMap<>();
    private static String importJob;
    private static final Map<Role, String> TOKENS = new LinkedHashMap<>();

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Before
    public void territory() throws Exception {
        admin = api().awaitReady();
        if (admin.get("municipalities/" + OWN_MUNICIPALITY).status() == 404) {
            created(admin.post("municipalities", "{\"code\":\"910\",\"name\":\"Свой район\"}"));
            created(admin.post("municipalities", "{\"code\":\"920\",\"name\":\"Чужой район\"}"));
            for (String[] school : new String[][] {{OWN_SCHOOL, "910"}, {SIBLING_SCHOOL, "910"}, {FOREIGN_SCHOOL, "920"}}) {
                created(admin.post("schools", "{\"code\":\"" + school[0] + "\",\"name\":\"Школа " + school[0]
                        + "\",\"municipalityCode\":\"" + school[1] + "\"}"));
                long venue = created(admin.post("venues", "{\"code\":\"v" + school[0] + "\",\"name\":\"ППЭ "
                        + school[0] + "\",\"schoolCode\":\"" + school[0] + "\"}")).get("id").asLong();
                created(admin.post("venues/" + venue + "/auditoriums",
                        "{\"number\":\"1\",\"capacity\":10,\"role\":\"INTERVIEW\"}"));
            }
            importRows(List.of(TestData.row(OWN_SCHOOL, 91_000, "Своев", "Иван", false),
                    TestData.row(SIBLING_SCHOOL, 91_001, "Соседов", "Пётр", false),
                    TestData.row(FOREIGN_SCHOOL, 92_000, "Чужаков", "Илья", false)));
            created(admin.post("exam-days", "{\"date\":\"2026-02-12\",\"kind\":\"MAIN\"}"));
        }
        examDay = admin.get("exam-days").json().get("items").findValues("id").stream()
                .filter(id -> admin.get("exam-days/" + id.asLong()).json().get("date").asText().equals("2026-02-12"))
                .findFirst().orElseThrow().asLong();
        for (String school : List.of(OWN_SCHOOL, SIBLING_SCHOOL, FOREIGN_SCHOOL)) {
            JsonNode participant = admin.get("participants?school=" + school).json().get("items").get(0);
            participantOf.put(school, participant.get("id").asLong());
            draftOf.put(school, draft(admin.get("participants/" + participant.get("id").asLong()).json()));
        }
        admin.post("exam-days/" + examDay + "/assignments", "{\"allSchools\":true}");
        for (String school : List.of(OWN_SCHOOL, FOREIGN_SCHOOL)) {
            venueOf.put(school, admin.get("venues?school=" + school).json().get("items").get(0).get("id").asLong());
            JsonNode seats = admin.post("exam-days/" + examDay + "/seating?school=" + school, "{}").json().get("seats");
            for (JsonNode seat : seats) {
                if (seat.get("participantId").asLong() == participantOf.get(school)) {
                    seatOf.put(school, "{\"auditoriumId\":" + seat.get("auditoriumId").asLong() + ",\"start\":\""
                            + seat.get("start").asText() + "\"}");
                }
            }
            if (admin.get("accounts/" + target(school)).status() == 404) {
                issue(target(school), "EXPERT", "SCHOOL", school);
            }
        }
        if (importJob == null) {
            importJob = admin.postBytes("participants/import?async=true", "text/csv", TestData.utf8(List.of(
                    TestData.row(OWN_SCHOOL, 96_000 + UNIQUE.incrementAndGet(), "Фонов", "Олег", false))))
                    .json().get("id").asText();
        }
        for (Role role : Role.values()) {
            if (!TOKENS.containsKey(role)) {
                TOKENS.put(role, signIn(role));
            }
        }
    }

    private List<Operation> operations() {
        return List.of(
                new Operation("GET school", Perm.REGISTRY_READ, Place.SCHOOL, s -> as().get("schools/" + s)),
                new Operation("PUT school", Perm.SCHOOLS_EDIT, Place.SCHOOL, s -> as().put("schools/" + s,
                        "{\"code\":\"" + s + "\",\"name\":\"Школа " + s + "\",\"municipalityCode\":\""
                                + s.substring(0, 3) + "\"}")),
                new Operation("GET participants of school", Perm.PARTICIPANTS_READ, Place.SCHOOL,
                        s -> as().get("participants?school=" + s)),
                new Operation("GET participant", Perm.PARTICIPANTS_READ, Place.SCHOOL,
                        s -> as().get("participants/" + participantOf.get(s))),
                new Operation("PUT participant", Perm.PARTICIPANTS_EDIT, Place.SCHOOL,
                        s -> as().put("participants/" + participantOf.get(s), draftOf.get(s))),
                new Operation("POST participant", Perm.PARTICIPANTS_EDIT, Place.SCHOOL,
                        s -> as().post("participants", newParticipant(s))),
                new Operation("GET venues of school", Perm.REGISTRY_READ, Place.SCHOOL, s -> as().get("venues?school=" + s)),
                new Operation("POST venue", Perm.VENUES_EDIT, Place.SCHOOL, s -> as().post("venues",
                        "{\"code\":\"x" + UNIQUE.incrementAndGet() + "\",\"name\":\"ППЭ\",\"schoolCode\":\"" + s + "\"}")),
                new Operation("GET seating", Perm.REGISTRY_READ, Place.SCHOOL,
                        s -> as().get("exam-days/" + examDay + "/seating?school=" + s)),
                new Operation("POST seating", Perm.SEATING_EDIT, Place.SCHOOL,
                        s -> as().post("exam-days/" + examDay + "/seating?school=" + s, "{}")),
                new Operation("GET accounts of school", Perm.ACCOUNTS_READ, Place.SCHOOL,
                        s -> as().get("accounts?school=" + s)),
                new Operation("GET account", Perm.ACCOUNTS_READ, Place.SCHOOL, s -> as().get("accounts/" + target(s))),
                new Operation("POST account reset", Perm.ACCOUNTS_MANAGE, Place.SCHOOL,
                        s -> as().post("accounts/" + target(s) + "/reset", "{}")),
                new Operation("POST account issue", Perm.ACCOUNTS_MANAGE, Place.SCHOOL, s -> as().post("accounts",
                        "{\"login\":\"it-new-" + UNIQUE.incrementAndGet() + "\",\"displayName\":\"Новый\",\"grants\":"
                                + "[{\"role\":\"TECHNICAL_SPECIALIST\",\"scope\":{\"level\":\"SCHOOL\",\"code\":\""
                                + s + "\"}}]}")),
                new Operation("POST credentials sheet", Perm.ACCOUNTS_MANAGE, Place.SCHOOL,
                        s -> as().post("accounts/credentials?school=" + s, "{}")),
                new Operation("GET auditoriums", Perm.REGISTRY_READ, Place.SCHOOL,
                        s -> as().get("venues/" + venueOf.get(s) + "/auditoriums")),
                new Operation("POST auditorium", Perm.VENUES_EDIT, Place.SCHOOL, s -> as().post("venues/"
                        + venueOf.get(s) + "/auditoriums", "{\"number\":\"a" + UNIQUE.incrementAndGet()
                        + "\",\"capacity\":5,\"role\":\"WAITING\"}")),
                new Operation("POST assignments of school", Perm.SEATING_EDIT, Place.SCHOOL,
                        s -> as().post("exam-days/" + examDay + "/assignments", "{\"school\":\"" + s + "\"}")),
                new Operation("GET assignments of school", Perm.REGISTRY_READ, Place.SCHOOL,
                        s -> as().get("exam-days/" + examDay + "/assignments?school=" + s)),
                new Operation("DELETE participant", Perm.PARTICIPANTS_EDIT, Place.SCHOOL, s -> as().delete(
                        "participants/" + created(admin.post("participants", newParticipant(s))).get("id").asLong())),
                new Operation("POST school", Perm.SCHOOLS_EDIT, Place.SCHOOL, s -> as().post("schools",
                        "{\"code\":\"" + s.substring(0, 3) + "9" + UNIQUE.incrementAndGet() + "\",\"name\":\"Новая\","
                                + "\"municipalityCode\":\"" + s.substring(0, 3) + "\"}")),
                new Operation("GET venue", Perm.REGISTRY_READ, Place.SCHOOL, s -> as().get("venues/" + venueOf.get(s))),
                new Operation("PUT seat", Perm.SEATING_EDIT, Place.SCHOOL, s -> as().put("exam-days/" + examDay
                        + "/seating/" + participantOf.get(s), seatOf.get(s))),
                new Operation("DELETE assignment", Perm.SEATING_EDIT, Place.SCHOOL, s -> {
                    long id = created(admin.post("participants", newParticipant(s))).get("id").asLong();
                    admin.post("exam-days/" + examDay + "/assignments", "{\"participantIds\":[" + id + "]}");
                    return as().delete("exam-days/" + examDay + "/assignments/" + id);
                }),
                new Operation("POST account disable", Perm.ACCOUNTS_MANAGE, Place.SCHOOL,
                        s -> as().post("accounts/" + target(s) + "/disable", "{}")),
                new Operation("POST account enable", Perm.ACCOUNTS_MANAGE, Place.SCHOOL,
                        s -> as().post("accounts/" + target(s) + "/enable", "{}")),
                new Operation("POST account credentials", Perm.ACCOUNTS_MANAGE, Place.SCHOOL, s -> {
                    admin.post("accounts/" + target(s) + "/reset", "{}");
                    return as().post("accounts/" + target(s) + "/credentials", "{}");
                }),
                new Operation("POST bulk issue", Perm.ACCOUNTS_MANAGE, Place.MUNICIPALITY, m -> as().post("accounts/bulk",
                        "{\"roles\":[\"SCHOOL_HEAD\"],\"municipalityCode\":\"" + m + "\"}")),
                new Operation("PUT municipality", Perm.SCHOOLS_EDIT, Place.REGION, r -> as().put("municipalities/"
                        + FOREIGN_MUNICIPALITY, "{\"code\":\"920\",\"name\":\"Чужой район\"}")),
                new Operation("GET exam days", Perm.REGISTRY_READ, Place.REGION, r -> as().get("exam-days")),
                new Operation("GET import job of another", Perm.PARTICIPANTS_IMPORT, Place.REGION,
                        r -> as().get("import-jobs/" + importJob)),
                new Operation("GET municipality", Perm.REGISTRY_READ, Place.MUNICIPALITY,
                        m -> as().get("municipalities/" + m)),
                new Operation("GET participants of municipality", Perm.PARTICIPANTS_READ, Place.MUNICIPALITY,
                        m -> as().get("participants?municipality=" + m)),
                new Operation("GET schools of municipality", Perm.REGISTRY_READ, Place.MUNICIPALITY,
                        m -> as().get("schools?municipality=" + m)),
                new Operation("GET audit", Perm.AUDIT_READ, Place.REGION, r -> as().get("audit?size=5")),
                new Operation("GET audit/verify", Perm.AUDIT_READ, Place.REGION, r -> as().get("audit/verify")),
                new Operation("POST exam day", Perm.EXAM_DAYS_EDIT, Place.REGION, r -> as().post("exam-days",
                        "{\"date\":\"2027-0" + (1 + UNIQUE.incrementAndGet() % 9) + "-1" + UNIQUE.get() % 10
                                + "\",\"kind\":\"ADDITIONAL\"}")),
                new Operation("POST municipality", Perm.SCHOOLS_EDIT, Place.REGION, r -> as().post("municipalities",
                        "{\"code\":\"m" + UNIQUE.incrementAndGet() + "\",\"name\":\"Новый\"}")));
    }

    private Role current;

    private Api as() {
        return admin.withToken(TOKENS.get(current));
    }

    @Test
    public void everyOperationForEveryRoleInItsOwnAndAForeignTerritory() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            current = role;
            for (Operation operation : operations()) {
                int own = operation.call().apply(ownPlace(role, operation.place())).status();
                int expected = expectedOwn(role, operation);
                if (expected == 200 ? own / 100 != 2 : own != expected) {
                    wrong.add(role + " " + operation.name() + " own: " + own + " expected " + expected);
                }
                if (!role.regional() && operation.place() != Place.REGION) {
                    Api.Response foreign = operation.call().apply(operation.place() == Place.SCHOOL ? FOREIGN_SCHOOL
                            : FOREIGN_MUNICIPALITY);
                    if (foreign.status() != expectedForeign(role, operation)) {
                        wrong.add(role + " " + operation.name() + " foreign: " + foreign);
                    }
                }
            }
        }
        assertTrue("unexpected answers:\n" + String.join("\n", wrong), wrong.isEmpty());
    }

    /** Operations that address a staff account by login, and a participant by id. */
    private static final Set<String> BY_LOGIN = Set.of("GET account", "POST account reset", "POST account disable",
            "POST account enable", "POST account credentials");
    private static final Set<String> BY_PERSON_ID = Set.of("GET participant", "PUT participant", "DELETE participant",
            "PUT seat", "DELETE assignment");

    /** A person outside the territory is answered as an unknown id (404) to whoever holds the permission at all. */
    private static int expectedForeign(Role role, Operation operation) {
        // An account is a person too: addressed by login, a foreign one answers as an unknown login.
        boolean byPerson = BY_PERSON_ID.contains(operation.name()) || BY_LOGIN.contains(operation.name());
        return byPerson && role.permissions.contains(operation.needs()) ? 404 : 403;
    }

    private static String ownPlace(Role role, Place place) {
        if (place == Place.MUNICIPALITY) {
            return OWN_MUNICIPALITY;
        }
        return place == Place.SCHOOL ? OWN_SCHOOL : "region";
    }

    /** 200 (any 2xx) where the role holds the permission for the place, 403 otherwise. */
    private static int expectedOwn(Role role, Operation operation) {
        if (!role.permissions.contains(operation.needs())) {
            return 403;
        }
        if (operation.name().equals("GET exam days")) {
            return 200;
        }
        if (operation.place() == Place.REGION) {
            return role.regional() ? 200 : 403;
        }
        if (operation.place() == Place.MUNICIPALITY && role.level.equals("SCHOOL")) {
            // A school sees the municipality it belongs to, but not the lists of the whole municipality.
            return operation.name().equals("GET municipality") ? 200 : 403;
        }
        return 200;
    }

    @Test
    public void listsAndSearchesShowNothingOfAForeignTerritory() {
        for (Role role : Role.values()) {
            if (role.regional()) {
                continue;
            }
            current = role;
            // The municipal specialist sees every school of its municipality (the matrix adds some: codes 910...).
            java.util.function.Predicate<String> visible = role.level.equals("SCHOOL") ? OWN_SCHOOL::equals
                    : code -> code.startsWith(OWN_MUNICIPALITY);
            JsonNode participants = as().get("participants?size=500").json();
            participants.get("items").forEach(p -> assertTrue(role + " sees " + p,
                    visible.test(p.get("schoolCode").asText())));
            assertEquals(role + ": a foreign surname is not found", 0,
                    as().get("participants?q=" + Api.q("Чужаков")).json().get("total").asInt());
            assertEquals(role + ": an SQL-like search finds nothing and breaks nothing", 0,
                    as().get("participants?q=" + Api.q("' OR '1'='1")).json().get("total").asInt());
            as().get("schools?size=500").json().get("items").forEach(s -> assertTrue(role + " sees school " + s,
                    visible.test(s.get("code").asText())));
            as().get("venues?size=500").json().get("items").forEach(v -> assertTrue(role + " sees venue " + v,
                    visible.test(v.get("schoolCode").asText())));
            as().get("municipalities").json().get("items").forEach(m -> assertEquals(role + " sees " + m,
                    OWN_MUNICIPALITY, m.get("code").asText()));
            if (role.permissions.contains(Perm.ACCOUNTS_READ)) {
                as().get("accounts?size=500").json().get("items").forEach(a -> a.get("grants").forEach(g -> {
                    String code = g.get("scope").get("code").asText();
                    assertTrue(role + " sees account " + a.get("login"), code.startsWith(OWN_MUNICIPALITY));
                }));
            }
        }
    }

    @Test
    public void documentsAreMaskedInListsAndShownInFullOnlyToRolesThatNeedThem() {
        String full = admin.get("participants/" + participantOf.get(OWN_SCHOOL)).json().get("snils").asText();
        assertTrue(full, full.matches("\\d{3}-\\d{3}-\\d{3} \\d{2}"));
        for (Role role : Role.values()) {
            current = role;
            JsonNode listed = as().get("participants?school=" + OWN_SCHOOL).json().get("items").get(0);
            assertTrue(role + " list: " + listed, listed.get("snils").asText().startsWith("•••-•••-•••"));
            assertTrue(role + " list: " + listed, listed.get("document").get("number").asText().startsWith("••"));
            String single = as().get("participants/" + participantOf.get(OWN_SCHOOL)).json().get("snils").asText();
            boolean needs = role != Role.TECHNICAL_SPECIALIST && role != Role.EXPERT;
            assertEquals(role + " single view", needs, single.equals(full));
        }
        JsonNode viewed = admin.get("audit?action=personal-data.viewed&actor=it-school-head").json();
        assertTrue("each full view is audited: " + viewed, viewed.get("total").asInt() >= 1);
    }

    @Test
    public void importedRowsOfAForeignSchoolAreRejectedByLine() {
        current = Role.RESPONSIBLE_ORGANIZER;
        Api.Response response = as().postBytes("participants/import?storeValidRows=true", "text/csv",
                TestData.utf8(List.of(TestData.row(OWN_SCHOOL, 93_000 + UNIQUE.incrementAndGet(), "Новиков", "Олег", false),
                        TestData.row(FOREIGN_SCHOOL, 94_000 + UNIQUE.incrementAndGet(), "Чужой", "Олег", false))));
        assertEquals(response.toString(), 200, response.status());
        assertEquals(1, response.json().get("created").asInt());
        assertEquals(3, response.json().get("errors").get(0).get("line").asInt());
        assertTrue(response.json().get("errors").get(0).get("message").asText().contains("не относится к вашей территории"));
    }

    @Test
    public void theWebUiSignsInWithAnHttpOnlyCookieAndMustSendTheCsrfTokenWithChanges() throws Exception {
        String login = issue("it-web-" + UNIQUE.incrementAndGet(), "RESPONSIBLE_ORGANIZER", "SCHOOL", OWN_SCHOOL);
        String oneTime = credentials(login);
        Api.Response signedIn = admin.anonymous().post("auth/login", loginBody(login, oneTime));
        assertEquals(signedIn.toString(), 200, signedIn.status());
        String setCookie = signedIn.header("Set-Cookie");
        assertTrue(setCookie, setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict")
                && setCookie.contains("Path=/"));
        assertNull("the token is not readable by page scripts", signedIn.json().get("token"));
        String cookie = setCookie.split(";", 2)[0];
        String csrf = signedIn.json().get("csrfToken").asText();
        assertTrue(signedIn.json().get("account").get("passwordChangeRequired").asBoolean());

        Api browser = admin.withCookie(cookie, null);
        assertEquals("password-change-required", browser.get("participants").problemType());
        Api.Response noCsrf = browser.post("auth/password", passwordBody(oneTime, "Ясный-день-у-реки-1"));
        assertEquals(noCsrf.toString(), 403, noCsrf.status());
        assertEquals("forbidden", noCsrf.problemType());
        Api.Response wrongCsrf = admin.withCookie(cookie, "x" + csrf).post("auth/password",
                passwordBody(oneTime, "Ясный-день-у-реки-1"));
        assertEquals(403, wrongCsrf.status());
        Api withCsrf = admin.withCookie(cookie, csrf);
        assertEquals(422, withCsrf.post("auth/password", passwordBody(oneTime, "короткий")).status());
        assertEquals(204, withCsrf.post("auth/password", passwordBody(oneTime, "Ясный-день-у-реки-1")).status());
        assertEquals(200, browser.get("participants?school=" + OWN_SCHOOL).status());
        assertEquals(csrf, browser.get("auth/session").json().get("csrfToken").asText());

        Api.Response out = withCsrf.post("auth/logout", "{}");
        assertEquals(204, out.status());
        assertTrue(out.header("Set-Cookie").contains("Max-Age=0"));
        Api.Response after = browser.get("participants");
        assertEquals(401, after.status());
        assertTrue(after.json().get("detail").asText().contains("Сеанс истёк"));
        JsonNode csrfAudit = admin.get("audit?action=auth.csrf-rejected").json();
        assertTrue(csrfAudit.toString(), csrfAudit.get("total").asInt() >= 2);
    }

    @Test
    public void wrongPasswordsLockTheLoginForAWhileWithRetryAfter() {
        String login = issue("it-lock-" + UNIQUE.incrementAndGet(), "EXPERT", "SCHOOL", OWN_SCHOOL);
        String oneTime = credentials(login);
        Api stranger = admin.anonymous();
        for (int i = 0; i < 4; i++) {
            Api.Response wrong = stranger.post("auth/login", loginBody(login, "not-the-password-" + i));
            assertEquals(wrong.toString(), 401, wrong.status());
            assertEquals("invalid-credentials", wrong.problemType());
        }
        Api.Response locked = stranger.post("auth/login", loginBody(login, "not-the-password-5"));
        assertEquals(locked.toString(), 429, locked.status());
        assertEquals("900", locked.header("Retry-After"));
        Api.Response evenRight = stranger.post("auth/login", loginBody(login, oneTime));
        assertEquals(429, evenRight.status());
        assertTrue(Integer.parseInt(evenRight.header("Retry-After")) <= 900);
        assertEquals("an unknown login fails like a wrong password", "invalid-credentials",
                stranger.post("auth/login", loginBody("no-such-login-" + UNIQUE.get(), "x")).problemType());
        assertNotNull(admin.get("accounts/" + login).json().get("lockedUntil").asText(null));
        assertEquals(200, admin.post("accounts/" + login + "/reset", "{}").status());
        assertEquals(200, stranger.post("auth/login", loginBody(login, credentials(login))).status());
    }

    @Test
    public void forgedExpiredOrMalformedCredentialsAre401AndLeakNothing() {
        Api stranger = admin.anonymous();
        Api.Response none = stranger.get("participants");
        assertEquals(401, none.status());
        assertNotNull("scripts are told to use Basic", none.challenge());
        Api.Response forged = admin.withToken("forged-token-0123456789abcdefghijklmnop").get("participants");
        assertEquals(401, forged.status());
        assertEquals(401, admin.withCookie("attesta_session=forged-token-0123456789abcdef", null).get("schools").status());
        assertEquals(401, admin.withCredentials("admin", "wrong").get("schools").status());
        Api.Response unknownPath = stranger.get("no/such/path");
        assertEquals("a stranger learns nothing about paths", 401, unknownPath.status());
        assertEquals(200, stranger.get("openapi.json").status());
        assertTrue(admin.get("audit?action=auth.session-rejected").json().get("total").asInt() >= 2);
        Api.Response oversized = stranger.post("auth/login", "{\"login\":\"" + "x".repeat(2_000_000) + "\"}");
        assertEquals(oversized.toString().substring(0, 80), 413, oversized.status());
        assertEquals("too-large", oversized.problemType());
        Api.Response script = admin.post("municipalities", "{\"code\":\"s" + UNIQUE.incrementAndGet()
                + "\",\"name\":\"<script>alert(1)</script>\"}");
        assertEquals("markup in names is stored as the text it is", "<script>alert(1)</script>",
                script.json().get("name").asText());
    }

    @Inject
    @Filter("(osgi.jndi.service.name=attesta)")
    private DataSource database;

    @Test
    public void tamperingWithOneStoredAuditEntryIsDetectedAndNamedThroughRestAndShell() throws Exception {
        admin.get("participants/" + participantOf.get(OWN_SCHOOL));
        JsonNode intact = admin.get("audit/verify").json();
        assertEquals(intact.toString(), 0, intact.get("firstBroken").asLong());
        assertTrue(shell("attesta:audit-verify").contains("Журнал аудита цел"));
        long victim = admin.get("audit?action=personal-data.viewed&size=1").json().get("items").get(0)
                .get("sequence").asLong();
        String original;
        try (Connection connection = database.getConnection();
                PreparedStatement read = connection.prepareStatement(
                        "SELECT actor FROM audit_entry WHERE sequence_no = ?")) {
            read.setLong(1, victim);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                original = row.getString(1);
            }
        }
        assertTrue(assertThrows(Exception.class, () -> shellAs("attesta:audit-verify", "viewer")).toString()
                .contains("audit-verify"));
        update("UPDATE audit_entry SET actor = 'someone-else' WHERE sequence_no = ?", victim);
        try {
            JsonNode broken = admin.get("audit/verify").json();
            assertEquals(broken.toString(), victim, broken.get("firstBroken").asLong());
            assertTrue(broken.get("reason").asText(), broken.get("reason").asText().length() > 10);
            String printed = shell("attesta:audit-verify");
            assertTrue(printed, printed.contains("запись № " + victim));
        } finally {
            update("UPDATE audit_entry SET actor = ? WHERE sequence_no = ?", original, victim);
        }
        assertEquals(0, admin.get("audit/verify").json().get("firstBroken").asLong());
    }

    private void update(String sql, Object... parameters) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, statement.executeUpdate());
        }
    }

    @Test
    public void anAccountThatIsDisabledLosesItsSessionsAtOnce() {
        String login = issue("it-off-" + UNIQUE.incrementAndGet(), "TECHNICAL_SPECIALIST", "SCHOOL", OWN_SCHOOL);
        String token = changedToken(login, credentials(login));
        assertEquals(200, admin.withToken(token).get("participants?school=" + OWN_SCHOOL).status());
        assertEquals(200, admin.post("accounts/" + login + "/disable", "{}").status());
        assertEquals(401, admin.withToken(token).get("participants?school=" + OWN_SCHOOL).status());
        assertEquals(401, admin.anonymous().post("auth/tokens", loginBody(login, "Тихая-гавань-2026")).status());
        JsonNode audited = admin.get("audit?objectType=account&objectId=" + login).json();
        assertTrue(audited.toString(), audited.get("items").findValues("action").stream()
                .anyMatch(a -> a.asText().equals("account.disabled")));
    }

    // --- helpers ---

    /** An account of a school that other accounts read, reset and hand over in the matrix. */
    private static String target(String school) {
        return "it-target-" + school;
    }

    private String signIn(Role role) {
        if (admin.get("accounts/" + role.login()).status() == 404) {
            issue(role.login(), role.name(), role.level, role.code);
        } else {
            admin.post("accounts/" + role.login() + "/reset", "{}");
        }
        return changedToken(role.login(), credentials(role.login()));
    }

    private String changedToken(String login, String oneTime) {
        Api.Response first = admin.anonymous().post("auth/tokens", loginBody(login, oneTime));
        assertEquals(first.toString(), 200, first.status());
        Api script = admin.withToken(first.json().get("token").asText());
        Api.Response changed = script.post("auth/password", passwordBody(oneTime, "Тихая-гавань-2026"));
        assertEquals(changed.toString(), 204, changed.status());
        Api.Response again = admin.anonymous().post("auth/tokens", loginBody(login, "Тихая-гавань-2026"));
        assertEquals(again.toString(), 200, again.status());
        return again.json().get("token").asText();
    }

    private String issue(String login, String role, String level, String code) {
        String scope = code == null ? "{\"level\":\"REGION\",\"code\":null}"
                : "{\"level\":\"" + level + "\",\"code\":\"" + code + "\"}";
        created(admin.post("accounts", "{\"login\":\"" + login + "\",\"displayName\":\"Тест " + role
                + "\",\"grants\":[{\"role\":\"" + role + "\",\"scope\":" + scope + "}]}"));
        return login;
    }

    private String credentials(String login) {
        Api.Response taken = admin.post("accounts/" + login + "/credentials", "{}");
        assertEquals(taken.toString(), 200, taken.status());
        return taken.json().get("oneTimePassword").asText();
    }

    private void importRows(List<String> rows) {
        Api.Response response = admin.postBytes("participants/import", "text/csv", TestData.utf8(rows));
        assertEquals(response.toString(), 200, response.status());
    }

    private String newParticipant(String school) {
        int n = 95_000 + UNIQUE.incrementAndGet();
        String[] cells = TestData.row(school, n, "Новенький", "Антон", false).split(";");
        return "{\"surname\":\"Новенький\",\"name\":\"Антон\",\"patronymic\":\"Петрович\",\"birthDate\":\"2010-03-15\","
                + "\"sex\":\"MALE\",\"document\":{\"type\":\"PASSPORT_RF\",\"series\":\"" + cells[6] + "\",\"number\":\""
                + cells[7] + "\"},\"snils\":\"" + cells[8] + "\",\"schoolCode\":\"" + school + "\",\"className\":\"9А\","
                + "\"specialNeeds\":false}";
    }

    private static String draft(JsonNode participant) {
        ObjectNode draft = participant.deepCopy();
        draft.remove("id");
        return draft.toString();
    }

    private static String loginBody(String login, String password) {
        ObjectNode body = JSON.createObjectNode();
        body.put("login", login);
        body.put("password", password);
        return body.toString();
    }

    private static String passwordBody(String current, String next) {
        ObjectNode body = JSON.createObjectNode();
        body.put("currentPassword", current);
        body.put("newPassword", next);
        return body.toString();
    }

    private static JsonNode created(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        return response.json();
    }
}
