package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetailJsonTest {
    private final DetailJson json = new DetailJson();

    @Test
    void writesSortedCompactJsonWhateverTheMapOrder() {
        Map<String, String> after = new LinkedHashMap<>();
        after.put("zeta", "1");
        after.put("alpha", "2");
        DetailJson.Written written = json.write(Map.of("b", "x"), after);

        assertEquals("{\"after\":{\"alpha\":\"2\",\"zeta\":\"1\"},\"before\":{\"b\":\"x\"}}", written.json());
        assertFalse(written.truncated());
    }

    @Test
    void roundTripsCyrillicQuotesAndControlCharacters() throws Exception {
        Map<String, String> before = Map.of("фамилия", "Иванов \"младший\"", "path", "C:\\tmp\nnext");
        Map<String, String> after = Map.of("фамилия", "Петров", "emoji", "😀");
        String text = json.write(before, after).json();

        assertTrue(text.contains("Иванов \\\"младший\\\""), text);
        DetailJson.Change change = json.read(text);
        assertEquals(before, change.before());
        assertEquals(after, change.after());
    }

    @Test
    void cutsLongValuesWithAMarkerToFitTheColumn() throws Exception {
        String longValue = "ж".repeat(20_000);
        DetailJson.Written written = json.write(Map.of("short", "kept"), Map.of("long", longValue));

        assertTrue(written.truncated());
        assertTrue(written.json().length() <= DetailJson.MAX_LENGTH, "length " + written.json().length());
        DetailJson.Change change = json.read(written.json());
        assertEquals("kept", change.before().get("short"));
        String cut = change.after().get("long");
        assertTrue(cut.startsWith("жжж"), cut);
        assertTrue(cut.endsWith("[обрезано, было 20000 симв.]"), cut.substring(cut.length() - 40));
    }

    @Test
    void keepsOnlyANoteWhenEvenTheKeysDoNotFit() throws Exception {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            many.put("field-number-" + i, "v");
        }
        DetailJson.Written written = json.write(Map.of(), many);

        assertTrue(written.truncated());
        assertTrue(written.json().length() <= DetailJson.MAX_LENGTH);
        assertEquals(Map.of("…", "подробности не поместились в журнал: 2000 полей"),
                json.read(written.json()).after());
    }

    @Test
    void ignoresNullsInAHandEditedDetail() throws Exception {
        DetailJson.Change change = json.read("{\"after\":{\"a\":null,\"b\":\"1\"}}");
        assertEquals(Map.of("b", "1"), change.after());
        assertEquals(Map.of(), change.before());
    }
}
