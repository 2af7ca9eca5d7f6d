package org.attesta.security.internal;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/** Checks a Karaf platform administrator's password against a JAAS realm. */
final class KarafRealm {
    private final String realm;
    private final Set<String> administratorRoles;

    KarafRealm(String realm, Set<String> administratorRoles) {
        this.realm = realm;
        this.administratorRoles = Set.copyOf(administratorRoles);
    }

    /** Whether the login and password are right and the user holds one of the administrator roles. */
    boolean isAdministrator(String login, char[] password) {
        Subject subject = new Subject();
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(login);
                    } else if (callback instanceof PasswordCallback passwordCallback) {
                        passwordCallback.setPassword(password.clone());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
        } catch (LoginException e) {
            return false;
        }
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                .collect(Collectors.toSet());
        return roles.stream().anyMatch(administratorRoles::contains);
    }
}
