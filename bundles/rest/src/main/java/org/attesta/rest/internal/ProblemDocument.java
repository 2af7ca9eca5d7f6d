package org.attesta.rest.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a problem response. Deliberately not a {@link Map}: CXF writes an exception
 * mapper's entity with the resource method's generic return type whenever the entity is an
 * instance of the declared return type, so a problem map answering an operation that returns
 * {@code Map<String, Integer>} was written as a map of integers, failed half-way and was
 * followed by a second (500) document. No operation returns this type, so its own class is
 * always used.
 */
public final class ProblemDocument {
    private final Map<String, Object> fields;

    ProblemDocument(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The members in the order they are written: type, title, status, detail, then the rest. */
    @JsonValue
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
