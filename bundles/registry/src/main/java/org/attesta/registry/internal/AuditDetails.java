package org.attesta.registry.internal;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.attesta.api.registry.IdentityDocument;
import org.attesta.api.registry.Participant;

/**
 * A registry record as the audit log's before/after fields: every component as text, with
 * the document number and СНИЛС masked, so the audit log never becomes a copy of personal data.
 */
final class AuditDetails {
    private static final Set<String> SKIPPED = Set.of("id");

    private AuditDetails() {
    }

    static Map<String, String> of(Record record) {
        if (record == null) {
            return Map.of();
        }
        Record shown = record instanceof Participant participant ? Masking.mask(participant) : record;
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : shown.getClass().getRecordComponents()) {
            if (SKIPPED.contains(component.getName())) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(shown);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
            if (value instanceof IdentityDocument document) {
                value = document.type() + " " + (document.series() == null ? "" : document.series() + " ")
                        + document.number();
            }
            fields.put(component.getName(), value == null ? null : String.valueOf(value));
        }
        fields.values().removeIf(java.util.Objects::isNull);
        return fields;
    }

    /** Only the fields that differ, before and after. */
    static Map<String, Map<String, String>> changes(Record before, Record after) {
        Map<String, String> was = new LinkedHashMap<>(of(before));
        Map<String, String> now = new LinkedHashMap<>(of(after));
        Set<String> same = new java.util.HashSet<>();
        for (Map.Entry<String, String> field : was.entrySet()) {
            if (field.getValue().equals(now.get(field.getKey()))) {
                same.add(field.getKey());
            }
        }
        was.keySet().removeAll(same);
        now.keySet().removeAll(same);
        return Map.of("before", was, "after", now);
    }
}
