package org.attesta.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attesta.api.audit.AuditQuery;

/**
 * The WHERE clause of an audit search and its parameters. User text only ever travels as a
 * bound parameter; the SQL text is made of fixed pieces.
 */
record SearchSql(String where, List<Object> parameters) {

    private static final char ESCAPE = '!';

    static SearchSql of(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (present(query.actor())) {
            // Logins are stored as typed; compare both sides in lower case.
            conditions.add("LOWER(actor) = ?");
            parameters.add(query.actor().toLowerCase(Locale.ROOT));
        }
        if (present(query.objectType())) {
            conditions.add("object_type = ?");
            parameters.add(query.objectType());
        }
        if (present(query.objectId())) {
            conditions.add("object_id = ?");
            parameters.add(query.objectId());
        }
        if (present(query.action())) {
            addAction(query.action(), conditions, parameters);
        }
        if (query.outcome() != null) {
            conditions.add("outcome = ?");
            parameters.add(query.outcome().name());
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= ?");
            parameters.add(millis(query.from()));
        }
        if (query.to() != null) {
            conditions.add("occurred_at < ?");
            parameters.add(millis(query.to()));
        }
        return new SearchSql(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions),
                List.copyOf(parameters));
    }

    /** An action ending with a dot is a prefix ("account." finds every account action). */
    private static void addAction(String action, List<String> conditions, List<Object> parameters) {
        if (action.endsWith(".")) {
            conditions.add("action LIKE ? ESCAPE '" + ESCAPE + "'");
            parameters.add(escapeLike(action) + "%");
        } else {
            conditions.add("action = ?");
            parameters.add(action);
        }
    }

    /** Makes %, _ and the escape character itself match literally. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Epoch milliseconds, clamped: an instant far outside the range still means "before/after all". */
    private static long millis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
