package org.attesta.api.security;

import java.util.Objects;

/**
 * The territory a role is bound to: the whole region, one municipality, or one school.
 *
 * @param code the municipality or school code; null for the region
 */
public record Scope(ScopeLevel level, String code) {

    public Scope {
        Objects.requireNonNull(level, "level");
        if (level == ScopeLevel.REGION ? code != null : code == null || code.isBlank()) {
            throw new IllegalArgumentException(level == ScopeLevel.REGION
                    ? "the region scope has no code" : "a " + level + " scope needs a code");
        }
    }

    public static Scope region() {
        return new Scope(ScopeLevel.REGION, null);
    }

    public static Scope municipality(String code) {
        return new Scope(ScopeLevel.MUNICIPALITY, code);
    }

    public static Scope school(String code) {
        return new Scope(ScopeLevel.SCHOOL, code);
    }

    @Override
    public String toString() {
        return level == ScopeLevel.REGION ? "region" : level.name().toLowerCase(java.util.Locale.ROOT) + ":" + code;
    }
}
