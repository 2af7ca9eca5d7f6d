package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The registry through REST as a script or the web UI uses it, good input and bad. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegistryRestIT extends AttestaTestSupport {
    private static final String MUNICIPALITY = "900";
    private static final String SCHOOL = "900001";
    private static final String OTHER_SCHOOL = "900002";

    private Api api;

    @Configuration
    public Option[] config() {
        return baseConfig(editConfigurationFilePut("etc/org.attesta.registry.cfg", "import.max.megabytes", "1"));
    }

    @Before
    public void region() {
        api = api().awaitReady();
        if (api.get("municipalities/" + MUNICIPALITY).status() == 404) {
            created(api.post("municipalities", "{\"code\":\"900\",\"name\":\"Тестовый район\"}"));
            created(api.post("schools", "{\"code\":\"900001\",\"name\":\"МБОУ СОШ № 1\",\"shortName\":\"СОШ № 1\","
                    + "\"municipalityCode\":\"900\",\"address\":\"ул. Школьная, 1\"}"));
            created(api.post("schools", "{\"code\":\"900002\",\"name\":\"МБОУ СОШ № 2\",\"municipalityCode\":\"900\"}"));
            long venue = created(api.post("venues", "{\"code\":\"900001\",\"name\":\"СОШ № 1\",\"schoolCode\":\"900001\"}"))
                    .get("id").asLong();
            created(api.post("venues/" + venue + "/auditoriums", "{\"number\":\"101\",\"capacity\":1,\"role\":\"INTERVIEW\"}"));
            created(api.post("venues/" + venue + "/auditoriums", "{\"number\":\"102\",\"capacity\":1,\"role\":\"INTERVIEW\"}"));
            created(api.post("venues/" + venue + "/auditoriums", "{\"number\":\"201\",\"capacity\":30,\"role\":\"WAITING\"}"));
            created(api.post("exam-days", "{\"date\":\"2026-02-11\",\"kind\":\"MAIN\"}"));
        }
    }

    @Test
    public void goodFileIsImportedAndReimportingItChangesNothing() {
        byte[] file = TestData.file(StandardCharsets.UTF_8, true, TestData.rows(SCHOOL, 1000, 5));
        long before = total("school=" + SCHOOL);

        Api.Response first = api.postBytes("participants/import", "text/csv", file);
        assertEquals(first.toString(), 200, first.status());
        assertEquals(5, first.json().get("created").asInt());
        assertEquals("csv", first.json().get("format").asText());

        Api.Response again = api.postBytes("participants/import", "text/csv", file);
        assertEquals(again.toString(), 200, again.status());
        assertEquals(0, again.json().get("created").asInt());
        assertEquals(5, again.json().get("unchanged").asInt());
        assertEquals(before + 5, total("school=" + SCHOOL));
    }

    @Test
    public void windows1251FileWithCommasAndEnglishHeaderIsImported() {
        String text = "school_code,surname,name,patronymic,birth_date,sex,document_type,document_series,document_number,snils,class,special_needs\r\n"
                + SCHOOL + ",Ёлкина,Дарья,Игоревна,2010-04-01,Ж,Паспорт гражданина РФ,6111,222001," + TestData.snils(2001) + ",9Б,да\r\n"
                + SCHOOL + ",Щукин,Илья,,01.05.2010,м,1,6111,222002,,9 б,нет\r\n";
        Api.Response response = api.postBytes("participants/import", "text/csv; charset=windows-1251",
                text.getBytes(Charset.forName("windows-1251")));
        assertEquals(response.toString(), 200, response.status());
        assertEquals(2, response.json().get("created").asInt());

        JsonNode found = api.get("participants?q=" + Api.q("елкина")).json();
        assertEquals("ё and е are one letter in search", 1, found.get("total").asInt());
        JsonNode dasha = found.get("items").get(0);
        assertEquals("Ёлкина", dasha.get("surname").asText());
        assertTrue(dasha.get("specialNeeds").asBoolean());
        assertEquals(30, dasha.get("extraMinutes").asInt());
        assertEquals("9Б", api.get("participants?q=" + Api.q("щукин")).json().get("items").get(0).get("className").asText());
    }

    @Test
    public void fileWithBadRowsStoresNothingAndListsEveryBadRow() {
        List<String> rows = new ArrayList<>(TestData.rows(SCHOOL, 3000, 3));
        rows.add(TestData.row("999999", 3003, "Неизвестный", "Школьник", false));          // line 5: unknown school
        rows.add(TestData.row(SCHOOL, 3004, "Плохой", "Снилс", false).replace(TestData.snils(3004), "112-233-445 96")); // line 6
        rows.add(TestData.row(SCHOOL, 3005, "Плохая", "Дата", false).replace("15.03.2010", "31.02.2010"));           // line 7
        rows.add(TestData.row(SCHOOL, 3000, "Двойник", "Первого", false));                 // line 8: same document as line 2
        long before = total("school=" + SCHOOL);

        Api.Response response = api.postBytes("participants/import", "text/csv", TestData.utf8(rows));

        assertEquals(response.toString(), 422, response.status());
        assertEquals("application/problem+json", response.contentType());
        JsonNode problem = response.json();
        assertEquals("urn:attesta:problem:import-rejected", problem.get("type").asText());
        assertEquals(4, problem.get("rejected").asInt());
        Map<Integer, String> columns = new HashMap<>();
        problem.get("errors").forEach(e -> columns.putIfAbsent(e.get("line").asInt(), e.get("column").asText()));
        assertEquals("Код ОО", columns.get(5));
        assertEquals("СНИЛС", columns.get(6));
        assertEquals("Дата рождения", columns.get(7));
        assertEquals("Номер", columns.get(8));
        assertEquals("nothing of the file was stored", before, total("school=" + SCHOOL));
    }

    @Test
    public void storeValidRowsKeepsTheGoodRowsAndReturnsTheRejectedOnes() {
        List<String> rows = new ArrayList<>(TestData.rows(OTHER_SCHOOL, 4000, 2));
        rows.add(TestData.row(OTHER_SCHOOL, 4002, "Иванов2", "Иван", false));
        Api.Response response = api.postBytes("participants/import?storeValidRows=true", "text/csv", TestData.utf8(rows));
        assertEquals(response.toString(), 200, response.status());
        assertEquals(2, response.json().get("created").asInt());
        assertEquals(1, response.json().get("rejected").asInt());
        assertEquals(4, response.json().get("errors").get(0).get("line").asInt());
        assertEquals("Фамилия", response.json().get("errors").get(0).get("column").asText());
    }

    @Test
    public void unreadableFilesAreRefusedWithAClearReason() {
        assertProblem(api.postBytes("participants/import", "text/csv",
                (TestData.RUSSIAN_HEADER + "\n\"Иванов;Иван\n").getBytes(StandardCharsets.UTF_8)), 400, "malformed-csv");
        assertProblem(api.postBytes("participants/import", "text/csv",
                "Фамилия;Имя\nИванов;Иван\n".getBytes(StandardCharsets.UTF_8)), 400, "missing-column");
        assertProblem(api.postBytes("participants/import", "text/csv",
                (TestData.RUSSIAN_HEADER + ";Рост\n").getBytes(StandardCharsets.UTF_8)), 400, "unknown-column");
        assertProblem(api.postBytes("participants/import", "text/csv",
                (TestData.RUSSIAN_HEADER + "\n").getBytes(StandardCharsets.UTF_16)), 400, "unknown-encoding");
        assertProblem(api.postBytes("participants/import", "application/pdf", new byte[] {1, 2, 3}), 415, "unsupported-format");
        byte[] big = TestData.utf8(TestData.rows(SCHOOL, 100_000, 12_000));
        assertTrue(big.length > 1024 * 1024);
        long before = total("");
        assertProblem(api.postBytes("participants/import", "text/csv", big), 413, "too-large");
        assertEquals(before, total(""));
    }

    @Test
    public void largeFilesGoToABackgroundJobThatReportsProgressAndOutcome() throws Exception {
        byte[] good = TestData.utf8(TestData.rows(OTHER_SCHOOL, 20_000, 3000));
        Api.Response accepted = api.postBytes("participants/import?async=true&sha256=" + sha256(good), "text/csv", good);
        assertEquals(accepted.toString(), 202, accepted.status());
        String id = accepted.json().get("id").asText();
        assertEquals("QUEUED", accepted.json().get("state").asText());
        JsonNode done = awaitJob(id);
        assertEquals(done.toString(), "DONE", done.get("state").asText());
        assertEquals(3000, done.get("report").get("created").asInt());
        assertEquals(good.length, done.get("bytesRead").asLong());
        assertEquals(sha256(good), done.get("sha256").asText());

        List<String> rows = new ArrayList<>(TestData.rows(OTHER_SCHOOL, 30_000, 2));
        rows.add(TestData.row("000000", 30_002, "Чужой", "Школьник", false));
        JsonNode rejected = awaitJob(api.postBytes("participants/import?async=true", "text/csv", TestData.utf8(rows))
                .json().get("id").asText());
        assertEquals("REJECTED", rejected.get("state").asText());
        assertEquals(4, rejected.get("report").get("errors").get(0).get("line").asInt());
        assertEquals(0, rejected.get("report").get("created").asInt());

        JsonNode failed = awaitJob(api.postBytes("participants/import?async=true", "text/csv",
                "Фамилия;Имя\nИванов;Иван\n".getBytes(StandardCharsets.UTF_8)).json().get("id").asText());
        assertEquals("FAILED", failed.get("state").asText());
        assertEquals("missing-column", failed.get("failureType").asText());

        long beforeMismatch = total("school=" + OTHER_SCHOOL);
        assertProblem(api.postBytes("participants/import?async=true&sha256=" + "0".repeat(64), "text/csv", good), 400,
                "digest-mismatch");
        assertProblem(api.postBytes("participants/import?sha256=" + "0".repeat(64), "text/csv",
                TestData.utf8(TestData.rows(OTHER_SCHOOL, 40_000, 2))), 400, "digest-mismatch");
        assertEquals("nothing of a file with a wrong digest is stored", beforeMismatch, total("school=" + OTHER_SCHOOL));
        assertProblem(api.get("import-jobs/no-such-job"), 404, "not-found");
    }

    private JsonNode awaitJob(String id) {
        JsonNode[] last = new JsonNode[1];
        Poll.until(STARTUP, "import job " + id + " to finish", () -> {
            last[0] = api.get("import-jobs/" + id).json();
            String state = last[0].get("state").asText();
            return !state.equals("QUEUED") && !state.equals("RUNNING");
        });
        return last[0];
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    public void badJsonAndUnknownIdsGetProblemsAPersonCanActOn() {
        Api.Response unknownField = api.post("municipalities", "{\"code\":\"901\",\"name\":\"X\",\"mayor\":\"Y\"}");
        assertProblem(unknownField, 400, "invalid-json");
        assertTrue(unknownField.json().get("detail").asText().contains("mayor"));
        assertProblem(api.post("municipalities", "это не JSON"), 400, "invalid-json");
        assertProblem(api.post("exam-days", "{\"date\":\"2026-02-30\",\"kind\":\"MAIN\"}"), 400, "invalid-json");
        assertProblem(api.get("participants/999999999"), 404, "not-found");
        assertProblem(api.get("participants/abc"), 400, "invalid-input");
        assertProblem(api.get("schools/NOPE"), 404, "not-found");
        assertProblem(api.get("participants?size=100000"), 400, "invalid-input");
        assertProblem(api.post("municipalities", "{\"code\":\"900\",\"name\":\"Again\"}"), 409, "duplicate-code");
        assertProblem(api.post("schools", "{\"code\":\"900099\",\"name\":\"X\",\"municipalityCode\":\"777\"}"), 422,
                "unknown-municipality");
        assertProblem(api.post("participants", "{\"surname\":\"<script>\",\"name\":\"Иван\"}"), 400, "invalid-participant");
    }

    @Test
    public void participantsAreListedFilteredAndPaged() {
        api.postBytes("participants/import", "text/csv", TestData.utf8(TestData.rows(SCHOOL, 5000, 12)));
        JsonNode page0 = api.get("participants?school=" + SCHOOL + "&size=5&page=0").json();
        JsonNode page1 = api.get("participants?school=" + SCHOOL + "&size=5&page=1").json();
        assertEquals(5, page0.get("items").size());
        assertEquals(page0.get("total").asLong(), page1.get("total").asLong());
        assertNotEquals(page0.get("items").get(0).get("id"), page1.get("items").get(0).get("id"));
        assertEquals(0, api.get("participants?school=" + OTHER_SCHOOL + "&q=" + Api.q("Смирнов Пётр Петрович Лишний")).json()
                .get("total").asInt());
        JsonNode byPrefix = api.get("participants?q=" + Api.q("смирнов п") + "&municipality=" + MUNICIPALITY).json();
        assertTrue(byPrefix.get("total").asInt() > 0);
        byPrefix.get("items").forEach(p -> assertEquals("Смирнов", p.get("surname").asText()));
        assertEquals(0, api.get("participants?q=%25").json().get("total").asInt());
        assertProblem(api.get("participants?school=NOPE"), 404, "not-found");
    }

    @Test
    public void seatingPlacesAssignedParticipantsAndKeepsManualMoves() {
        api.postBytes("participants/import", "text/csv", TestData.utf8(TestData.rows(SCHOOL, 6000, 7)));
        long day = api.get("exam-days").json().get("items").get(0).get("id").asLong();
        Api.Response assigned = api.post("exam-days/" + day + "/assignments", "{\"school\":\"" + SCHOOL + "\"}");
        assertEquals(assigned.toString(), 200, assigned.status());
        long assignedCount = api.get("exam-days/" + day + "/assignments?school=" + SCHOOL).json().get("total").asLong();

        JsonNode seating = api.post("exam-days/" + day + "/seating?school=" + SCHOOL, "").json();
        JsonNode seats = seating.get("seats");
        assertEquals(assignedCount, seats.size());
        assertEquals(0, seating.get("unseated").size());
        assertNoOverlaps(seats);
        Map<String, Integer> perRoom = new HashMap<>();
        seats.forEach(s -> perRoom.merge(s.get("auditoriumNumber").asText(), 1, Integer::sum));
        assertEquals("only interview rooms", java.util.Set.of("101", "102"), perRoom.keySet());
        assertTrue("balanced: " + perRoom, Math.abs(perRoom.get("101") - perRoom.get("102")) <= 2);
        assertEquals("09:00", seats.get(0).get("start").asText());

        JsonNode last = seats.get(seats.size() - 1);
        long moved = last.get("participantId").asLong();
        long room = last.get("auditoriumId").asLong();
        Api.Response move = api.put("exam-days/" + day + "/seating/" + moved,
                "{\"auditoriumId\":" + room + ",\"start\":\"16:00\"}");
        assertEquals(move.toString(), 200, move.status());
        JsonNode recomputed = api.post("exam-days/" + day + "/seating?school=" + SCHOOL, "").json();
        JsonNode kept = find(recomputed.get("seats"), moved);
        assertEquals("16:00", kept.get("start").asText());
        assertTrue(kept.get("manual").asBoolean());
        assertEquals("the same plan again", recomputed, api.post("exam-days/" + day + "/seating?school=" + SCHOOL, "").json());

        JsonNode clash = recomputed.get("seats").get(0);
        assertProblem(api.put("exam-days/" + day + "/seating/" + moved, "{\"auditoriumId\":"
                + clash.get("auditoriumId").asLong() + ",\"start\":\"" + clash.get("start").asText() + "\"}"), 409,
                "seat-conflict");

        JsonNode reset = api.post("exam-days/" + day + "/seating?school=" + SCHOOL + "&keepManual=false", "").json();
        assertFalse(find(reset.get("seats"), moved).get("manual").asBoolean());
        assertEquals(reset, api.get("exam-days/" + day + "/seating?school=" + SCHOOL).json());
    }

    private static JsonNode find(JsonNode seats, long participantId) {
        for (JsonNode seat : seats) {
            if (seat.get("participantId").asLong() == participantId) {
                return seat;
            }
        }
        throw new AssertionError("no seat for " + participantId + " in " + seats);
    }

    private static void assertNoOverlaps(JsonNode seats) {
        Map<String, List<LocalTime[]>> byRoom = new HashMap<>();
        for (JsonNode seat : seats) {
            LocalTime start = LocalTime.parse(seat.get("start").asText());
            LocalTime end = LocalTime.parse(seat.get("end").asText());
            for (LocalTime[] other : byRoom.computeIfAbsent(seat.get("auditoriumNumber").asText(), r -> new ArrayList<>())) {
                assertTrue("overlap in " + seat, !start.isBefore(other[1]) || !end.isAfter(other[0]));
            }
            byRoom.get(seat.get("auditoriumNumber").asText()).add(new LocalTime[] {start, end});
        }
    }

    private long total(String query) {
        return api.get("participants?size=1&" + query).json().get("total").asLong();
    }

    private static JsonNode created(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        return response.json();
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertEquals(response.toString(), status, response.status());
        assertEquals(response.toString(), "application/problem+json", response.contentType());
        assertEquals(response.toString(), "urn:attesta:problem:" + type, response.json().get("type").asText());
        assertFalse(response.json().get("detail").asText().isBlank());
    }
}
