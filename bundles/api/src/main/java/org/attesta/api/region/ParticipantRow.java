package org.attesta.api.region;

import java.util.Map;

/**
 * One data row as a format read it: raw text per field, not yet validated.
 *
 * @param line the line of the file the row starts on (1 = first line of the file)
 * @param values the text of each field present in the file; absent fields are missing
 */
public record ParticipantRow(long line, Map<ParticipantField, String> values) {
    public ParticipantRow {
        values = Map.copyOf(values);
    }

    /** The trimmed value of a field, or null when the field is absent or blank. */
    public String get(ParticipantField field) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
