package org.attesta.api.security;

import java.util.List;

/**
 * A login and its one-time password, as handed over once to the person who passes it on.
 * The password must be changed at the first login.
 */
public record IssuedCredentials(String login, String displayName, List<RoleGrant> grants, String oneTimePassword) {

    public IssuedCredentials {
        grants = List.copyOf(grants);
    }

    @Override
    public String toString() {
        return "IssuedCredentials[" + login + "]";
    }
}
