package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.attesta.api.registry.AssignmentService;
import org.attesta.api.registry.ParticipantImportService;
import org.attesta.api.registry.ParticipantService;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.SeatingService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The distribution boots with every feature, the services are up, and the API is guarded. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends AttestaTestSupport {

    @Inject
    private FeaturesService features;

    @Inject
    private RegistryService registry;

    @Inject
    private ParticipantService participants;

    @Inject
    private AssignmentService assignments;

    @Inject
    private SeatingService seating;

    @Inject
    private ParticipantImportService importer;

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Test
    public void everyAttestaFeatureIsInstalled() throws Exception {
        for (String name : new String[] {"attesta", "attesta-api", "attesta-persistence", "attesta-registry",
                "attesta-rest", "attesta-shell", "attesta-security", "attesta-demo"}) {
            assertTrue(name + " installed", features.isInstalled(features.getFeature(name)));
        }
        assertNotNull(registry.municipalities());
    }

    @Test
    public void generatedAdministratorPasswordIsReadableByTheOwnerOnly() throws Exception {
        String password = adminPassword();
        assertEquals(20, password.length());
        Path file = Path.of(System.getProperty("karaf.data"), "admin-password.txt");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String users = Files.readString(Path.of(System.getProperty("karaf.etc"), "platform-administrators.properties"));
        assertTrue("admin is in the realm", users.contains("admin"));
        assertTrue("the password is stored hashed", !users.contains(password));
    }

    @Test
    public void restRefusesRequestsWithoutValidCredentials() {
        Api api = api().awaitReady();

        Api.Response anonymous = api.withCredentials(null, null).get("participants");
        assertEquals(401, anonymous.status());
        assertEquals("application/problem+json", anonymous.contentType());
        assertTrue(anonymous.challenge().startsWith("Basic realm=\"Attesta\""));
        assertEquals("urn:attesta:problem:unauthorized", anonymous.json().get("type").asText());

        Api.Response wrongPassword = api.withCredentials("admin", "not-the-password").get("participants");
        assertEquals(401, wrongPassword.status());

        Api.Response unknownPath = api.withCredentials(null, null).get("no-such-thing");
        assertEquals("a stranger learns nothing about paths", 401, unknownPath.status());
    }

    @Test
    public void restAnswersWithCredentials() {
        Api api = api().awaitReady();

        Api.Response list = api.get("participants?size=5");
        assertEquals(list.toString(), 200, list.status());
        JsonNode body = list.json();
        assertTrue(body.get("items").isArray());
        assertTrue(body.get("total").isNumber());

        Api.Response missing = api.get("no-such-thing");
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.contentType());
    }

    @Test
    public void openApiDocumentDescribesTheResources() {
        Api.Response openapi = api().awaitReady().get("openapi.json");
        assertEquals(200, openapi.status());
        JsonNode paths = openapi.json().get("paths");
        for (String path : new String[] {"/municipalities", "/schools", "/participants", "/participants/import",
                "/venues", "/venues/{id}/auditoriums", "/exam-days", "/exam-days/{id}/assignments",
                "/exam-days/{id}/seating"}) {
            assertNotNull("OpenAPI has " + path, paths.get(path));
        }
        assertEquals("/api/v1", openapi.json().get("servers").get(0).get("url").asText());
        assertNull(paths.get("/internal"));
    }
}
