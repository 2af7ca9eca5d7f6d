package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The distribution on PostgreSQL by configuration alone: the shipped driver feature, a
 * datasource file pointing at the server, nothing else. Runs when ATTESTA_IT_POSTGRES_URL
 * names an empty database (profile postgres of the itests pom); .ci/run sets one up when the
 * machine can run PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIT extends AttestaTestSupport {
    private static final String DATASOURCE = "etc/org.ops4j.datasource-attesta.cfg";

    @Inject
    @Filter("(osgi.jndi.service.name=attesta)")
    private DataSource dataSource;

    @Configuration
    public Option[] config() {
        Map<String, String> jdbc = parse(System.getenv("ATTESTA_IT_POSTGRES_URL"));
        return baseConfig(
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "attesta-postgresql"),
                editConfigurationFilePut(DATASOURCE, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                editConfigurationFilePut(DATASOURCE, "url", jdbc.get("url")),
                editConfigurationFilePut(DATASOURCE, "user", jdbc.get("user")),
                editConfigurationFilePut(DATASOURCE, "password", jdbc.get("password")),
                systemProperty("attesta.test.postgres").value("true"));
    }

    @Test
    public void registryWorksOnPostgres() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
        }
        Api api = api().awaitReady();
        assertEquals(201, api.post("municipalities", "{\"code\":\"950\",\"name\":\"Постгрес\"}").status());
        assertEquals(201, api.post("schools", "{\"code\":\"950001\",\"name\":\"СОШ\",\"municipalityCode\":\"950\"}").status());
        long venue = api.post("venues", "{\"code\":\"950001\",\"name\":\"СОШ\",\"schoolCode\":\"950001\"}").json()
                .get("id").asLong();
        api.post("venues/" + venue + "/auditoriums", "{\"number\":\"1\",\"capacity\":1,\"role\":\"INTERVIEW\"}");
        long day = api.post("exam-days", "{\"date\":\"2026-04-20\",\"kind\":\"ADDITIONAL\"}").json().get("id").asLong();

        Api.Response imported = api.postBytes("participants/import", "text/csv",
                TestData.utf8(TestData.rows("950001", 60_000, 1500)));
        assertEquals(imported.toString(), 1500, imported.json().get("created").asInt());
        Api.Response again = api.postBytes("participants/import", "text/csv",
                TestData.utf8(TestData.rows("950001", 60_000, 1500)));
        assertEquals(1500, again.json().get("unchanged").asInt());
        assertEquals(1500, api.get("participants?municipality=950&size=10&page=1").json().get("total").asInt());
        JsonNode found = api.get("participants?q=" + Api.q("попов") + "&size=5").json();
        assertEquals("Попов", found.get("items").get(0).get("surname").asText());

        assertEquals(1500, api.post("exam-days/" + day + "/assignments", "{\"school\":\"950001\"}").json()
                .get("assigned").asInt());
        JsonNode seating = api.post("exam-days/" + day + "/seating?school=950001", "").json();
        assertEquals(1500, seating.get("seats").size() + seating.get("unseated").size());
        assertEquals(seating, api.get("exam-days/" + day + "/seating?school=950001").json());
    }

    /** jdbc:postgresql://host:port/db?user=u&password=p into url, user and password. */
    static Map<String, String> parse(String jdbcUrl) {
        Map<String, String> parts = new HashMap<>();
        String url = jdbcUrl == null ? "jdbc:postgresql://127.0.0.1:5432/attesta_it" : jdbcUrl;
        int query = url.indexOf('?');
        parts.put("url", query < 0 ? url : url.substring(0, query));
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                parts.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return parts;
    }
}
