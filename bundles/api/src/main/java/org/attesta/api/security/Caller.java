package org.attesta.api.security;

import java.util.List;
import java.util.Objects;

/**
 * The person or process a piece of work is done for.
 *
 * @param login the account's login, the Karaf user, or a component name for {@link CallerKind#SYSTEM}
 * @param grants the roles of a staff account; empty for the other kinds
 * @param address the network address the request came from, or null when there was none
 * @param passwordChangeRequired whether the account must change its one-time password before anything else
 */
public record Caller(CallerKind kind, String login, String displayName, List<RoleGrant> grants, String address,
        boolean passwordChangeRequired) {

    public Caller {
        Objects.requireNonNull(kind, "kind");
        grants = List.copyOf(grants);
    }

    public static Caller anonymous(String address) {
        return new Caller(CallerKind.ANONYMOUS, null, null, List.of(), address, false);
    }

    public static Caller system(String component) {
        return new Caller(CallerKind.SYSTEM, component, component, List.of(), null, false);
    }

    public static Caller platformAdministrator(String login, String address) {
        return new Caller(CallerKind.PLATFORM_ADMINISTRATOR, login, login, List.of(), address, false);
    }

    public boolean isAnonymous() {
        return kind == CallerKind.ANONYMOUS;
    }
}
