package org.attesta.api.audit;

import java.util.Map;
import java.util.Objects;

/**
 * An act to record. Who did it and from where is taken from the caller bound in the
 * {@link org.attesta.api.security.CallerContext} unless {@code actor} names someone (a login
 * attempt has no caller yet).
 *
 * @param action a stable dotted name such as {@code participant.updated}; see {@link AuditActions}
 * @param objectType the kind of object acted on, such as {@code participant}, or null
 * @param objectId the object's business key or id, or null
 * @param before the fields that changed, as they were (never passwords; personal data masked), or empty
 * @param after the same fields as they are now, or empty
 * @param actor who acted when no caller is bound, or null
 */
public record AuditEvent(String action, AuditOutcome outcome, String objectType, String objectId,
        Map<String, String> before, Map<String, String> after, String actor) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        before = before == null ? Map.of() : Map.copyOf(before);
        after = after == null ? Map.of() : Map.copyOf(after);
    }

    public static AuditEvent success(String action, String objectType, String objectId) {
        return new AuditEvent(action, AuditOutcome.SUCCESS, objectType, objectId, Map.of(), Map.of(), null);
    }

    public static AuditEvent denied(String action, String objectType, String objectId) {
        return new AuditEvent(action, AuditOutcome.DENIED, objectType, objectId, Map.of(), Map.of(), null);
    }

    public AuditEvent withChange(Map<String, String> before, Map<String, String> after) {
        return new AuditEvent(action, outcome, objectType, objectId, before, after, actor);
    }

    public AuditEvent withDetail(Map<String, String> detail) {
        return new AuditEvent(action, outcome, objectType, objectId, before, detail, actor);
    }

    public AuditEvent byActor(String actor) {
        return new AuditEvent(action, outcome, objectType, objectId, before, after, actor);
    }
}
