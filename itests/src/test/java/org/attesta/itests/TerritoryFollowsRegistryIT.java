package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Grants follow the registry in the running distribution: when the region moves a school to
 * another municipality or gives it a new code, power over the school and its accounts moves at
 * the next request, and a new school that takes the old code is no one's but its own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TerritoryFollowsRegistryIT extends AttestaTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Тихая-гавань-2026";

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Test
    public void aMovedSchoolLeavesItsOldMunicipalityAtTheNextRequest() {
        Api admin = api().awaitReady();
        created(admin.post("municipalities", "{\"code\":\"931\",\"name\":\"Старый район\"}"));
        created(admin.post("municipalities", "{\"code\":\"932\",\"name\":\"Новый район\"}"));
        created(admin.post("schools", school("931001", "Школа на границе", "931")));
        Api oldMunicipality = signedIn(admin, issue(admin, "it-mo-931", "MUNICIPAL_SPECIALIST", "MUNICIPALITY", "931"));
        Api newMunicipality = signedIn(admin, issue(admin, "it-mo-932", "MUNICIPAL_SPECIALIST", "MUNICIPALITY", "932"));
        issue(admin, "it-org-931001", "RESPONSIBLE_ORGANIZER", "SCHOOL", "931001");
        assertEquals(200, oldMunicipality.get("accounts/it-org-931001").status());

        assertEquals(200, admin.put("schools/931001", school("931001", "Школа на границе", "932")).status());

        // Outside its territory now: answered as a login that does not exist.
        assertEquals(404, oldMunicipality.post("accounts/it-org-931001/reset", "{}").status());
        assertEquals(404, oldMunicipality.post("accounts/it-org-931001/credentials", "{}").status());
        assertEquals(404, oldMunicipality.get("accounts/it-org-931001").status());
        assertFalse(oldMunicipality.get("accounts?size=100").body().contains("it-org-931001"));
        assertEquals(403, oldMunicipality.get("schools/931001").status());
        assertTrue(newMunicipality.get("accounts?size=100").body().contains("it-org-931001"));
        assertEquals(200, newMunicipality.post("accounts/it-org-931001/reset", "{}").status());
        assertEquals(200, newMunicipality.get("schools/931001").status());
    }

    @Test
    public void aNewSchoolWithTheOldCodeOfARenamedSchoolIsNotSeenByTheRenamedSchoolsAccounts() {
        Api admin = api().awaitReady();
        created(admin.post("municipalities", "{\"code\":\"933\",\"name\":\"Район переименований\"}"));
        created(admin.post("schools", school("933001", "Школа до переименования", "933")));
        Api organizer = signedIn(admin, issue(admin, "it-org-933001", "RESPONSIBLE_ORGANIZER", "SCHOOL", "933001"));
        assertEquals(200, organizer.get("schools/933001").status());

        assertEquals(200, admin.put("schools/933001", school("933009", "Школа после переименования", "933")).status());
        created(admin.post("schools", school("933001", "Новая школа со старым кодом", "933")));

        assertEquals(200, organizer.get("schools/933009").status());
        assertEquals(403, organizer.get("schools/933001").status());
        JsonNode grant = admin.get("accounts/it-org-933001").json().get("grants").get(0);
        assertEquals("933009", grant.get("scope").get("code").asText());
    }

    private static String issue(Api admin, String login, String role, String level, String code) {
        created(admin.post("accounts", "{\"login\":\"" + login + "\",\"displayName\":\"Тест " + role
                + "\",\"grants\":[{\"role\":\"" + role + "\",\"scope\":{\"level\":\"" + level + "\",\"code\":\""
                + code + "\"}}]}"));
        return login;
    }

    /** Takes the account's one-time password, replaces it, and signs in with a session token. */
    private static Api signedIn(Api admin, String login) {
        Api.Response taken = admin.post("accounts/" + login + "/credentials", "{}");
        assertEquals(taken.toString(), 200, taken.status());
        String oneTime = taken.json().get("oneTimePassword").asText();
        Api.Response first = admin.anonymous().post("auth/tokens", body("login", login, "password", oneTime));
        assertEquals(first.toString(), 200, first.status());
        Api.Response changed = admin.withToken(first.json().get("token").asText()).post("auth/password",
                body("currentPassword", oneTime, "newPassword", PASSWORD));
        assertEquals(changed.toString(), 204, changed.status());
        Api.Response again = admin.anonymous().post("auth/tokens", body("login", login, "password", PASSWORD));
        assertEquals(again.toString(), 200, again.status());
        return admin.withToken(again.json().get("token").asText());
    }

    private static String school(String code, String name, String municipality) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"municipalityCode\":\"" + municipality + "\"}";
    }

    private static String body(String k1, String v1, String k2, String v2) {
        ObjectNode body = JSON.createObjectNode();
        body.put(k1, v1);
        body.put(k2, v2);
        return body.toString();
    }

    private static JsonNode created(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        return response.json();
    }
}
