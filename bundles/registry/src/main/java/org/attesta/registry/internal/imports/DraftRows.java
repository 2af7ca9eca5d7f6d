package org.attesta.registry.internal.imports;

import java.util.EnumMap;
import java.util.Map;
import org.attesta.api.region.ParticipantField;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.api.registry.Sex;

/**
 * A participant typed into a form or sent as JSON, written as an import row, so that one
 * {@link RowValidator} holds the rules whichever way a participant arrives.
 */
public final class DraftRows {
    private DraftRows() {
    }

    public static ParticipantRow toRow(ParticipantDraft draft) {
        Map<ParticipantField, String> values = new EnumMap<>(ParticipantField.class);
        put(values, ParticipantField.SURNAME, draft.surname());
        put(values, ParticipantField.NAME, draft.name());
        put(values, ParticipantField.PATRONYMIC, draft.patronymic());
        put(values, ParticipantField.BIRTH_DATE, draft.birthDate() == null ? null : draft.birthDate().toString());
        put(values, ParticipantField.SEX, draft.sex() == null ? null : draft.sex() == Sex.MALE ? "male" : "female");
        if (draft.document() != null) {
            put(values, ParticipantField.DOCUMENT_TYPE,
                    draft.document().type() == null ? null : Integer.toString(draft.document().type().code()));
            put(values, ParticipantField.DOCUMENT_SERIES, draft.document().series());
            put(values, ParticipantField.DOCUMENT_NUMBER, draft.document().number());
        }
        put(values, ParticipantField.SNILS, draft.snils());
        put(values, ParticipantField.SCHOOL_CODE, draft.schoolCode());
        put(values, ParticipantField.CLASS, draft.className());
        values.put(ParticipantField.SPECIAL_NEEDS, draft.specialNeeds() ? "да" : "нет");
        return new ParticipantRow(0, values);
    }

    private static void put(Map<ParticipantField, String> values, ParticipantField field, String value) {
        if (value != null) {
            values.put(field, value);
        }
    }
}
