package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** ATTESTA_DEMO=true: the first start loads the demo region, with everyone on the main day. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DemoRegionIT extends AttestaTestSupport {

    @Configuration
    public Option[] config() {
        return baseConfig(editConfigurationFilePut("etc/org.attesta.demo.cfg", "enabled", "true"));
    }

    @Test
    public void demoRegionIsLoadedWithEveryParticipantOnTheMainDay() {
        Api api = api().awaitReady();
        Poll.until(STARTUP, "3000 demo participants assigned to the main day", () -> {
            JsonNode days = api.get("exam-days").json().get("items");
            return days.size() == 3 && api.get("exam-days/" + days.get(0).get("id").asLong() + "/assignments?size=1")
                    .json().get("total").asInt() == 3000;
        });
        JsonNode days = api.get("exam-days").json().get("items");
        assertEquals("2026-02-11", days.get(0).get("date").asText());
        assertEquals("MAIN", days.get(0).get("kind").asText());
        assertEquals("2026-03-11", days.get(1).get("date").asText());
        assertEquals("2026-04-20", days.get(2).get("date").asText());
        assertEquals(3000, api.get("participants?size=1").json().get("total").asInt());
        int schools = api.get("schools?size=1").json().get("total").asInt();
        assertTrue("about 30 schools: " + schools, schools >= 25 && schools <= 35);
        assertTrue(api.get("municipalities").json().get("total").asInt() >= 3);
        JsonNode special = api.get("participants?size=500").json().get("items");
        long specialNeeds = 0;
        for (JsonNode p : special) {
            specialNeeds += p.get("specialNeeds").asBoolean() ? 1 : 0;
        }
        assertTrue("some participants with special needs", specialNeeds > 0);
    }
}
