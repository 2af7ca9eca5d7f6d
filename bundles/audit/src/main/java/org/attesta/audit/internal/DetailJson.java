package org.attesta.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The detail column: {@code {"after":{...},"before":{...}}} with keys sorted, so that the same
 * change is always the same text (the hash covers the text). Over-long values are cut, with a
 * marker saying so, until the whole fits the column.
 */
final class DetailJson {
    /** The size of audit_entry.detail, in characters. */
    static final int MAX_LENGTH = 16000;

    static final String CUT_MARKER = "… [обрезано, было %d симв.]";
    static final String DROPPED_KEY = "…";
    static final String DROPPED_VALUE = "подробности не поместились в журнал: %d полей";

    private static final String AFTER = "after";
    private static final String BEFORE = "before";
    private static final TypeReference<Map<String, Map<String, String>>> SHAPE = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The detail text; {@link Written#truncated()} tells whether anything had to be cut. */
    Written write(Map<String, String> before, Map<String, String> after) {
        String json = json(before, after);
        if (json.length() <= MAX_LENGTH) {
            return new Written(json, false);
        }
        // Shrink the longest values first, by lowering one cap for all values.
        for (int cap = MAX_LENGTH / 2; cap >= 16; cap /= 2) {
            json = json(cut(before, cap), cut(after, cap));
            if (json.length() <= MAX_LENGTH) {
                return new Written(json, true);
            }
        }
        // Too many or too long keys: keep only a note of how much there was.
        return new Written(json(Map.of(), Map.of(DROPPED_KEY,
                String.format(Locale.ROOT, DROPPED_VALUE, before.size() + after.size()))), true);
    }

    /** The before and after maps of a stored detail text. */
    Change read(String json) throws JsonProcessingException {
        Map<String, Map<String, String>> detail = mapper.readValue(json, SHAPE);
        return new Change(orEmpty(detail.get(BEFORE)), orEmpty(detail.get(AFTER)));
    }

    private String json(Map<String, String> before, Map<String, String> after) {
        Map<String, Map<String, String>> detail = new TreeMap<>();
        detail.put(AFTER, new TreeMap<>(after));
        detail.put(BEFORE, new TreeMap<>(before));
        try {
            return mapper.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            // Maps of strings always serialise; this would be a bug in Jackson.
            throw new IllegalStateException("Could not write the audit detail", e);
        }
    }

    private static Map<String, String> cut(Map<String, String> values, int cap) {
        Map<String, String> cut = new TreeMap<>();
        values.forEach((key, value) -> cut.put(key, cut(value, cap)));
        return cut;
    }

    private static String cut(String value, int cap) {
        if (value.length() <= cap) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(cap - 1)) ? cap - 1 : cap;
        return value.substring(0, end) + String.format(Locale.ROOT, CUT_MARKER, value.length());
    }

    /** Drops nulls, which only a hand-edited row can hold: entries never store them. */
    private static Map<String, String> orEmpty(Map<String, String> values) {
        Map<String, String> present = new TreeMap<>();
        if (values != null) {
            values.forEach((key, value) -> {
                if (key != null && value != null) {
                    present.put(key, value);
                }
            });
        }
        return present;
    }

    record Written(String json, boolean truncated) {
    }

    record Change(Map<String, String> before, Map<String, String> after) {
    }
}
