package org.attesta.api.security;

import java.util.Objects;

/** One role of an account, in one territory. */
public record RoleGrant(Role role, Scope scope) {

    public RoleGrant {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        if (!role.allows(scope.level())) {
            throw new IllegalArgumentException("role " + role + " cannot be bound to " + scope);
        }
    }
}
