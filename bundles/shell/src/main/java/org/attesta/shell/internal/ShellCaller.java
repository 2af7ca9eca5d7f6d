package org.attesta.shell.internal;

import java.security.AccessController;
import java.security.Principal;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.attesta.api.security.Caller;

/**
 * The shell user as an Attesta caller. Only Karaf platform administrators reach the attesta
 * commands (the command ACL in etc/org.apache.karaf.command.acl.attesta.cfg lets the admin
 * role in), and an administrator acts for the whole region.
 */
final class ShellCaller {
    private ShellCaller() {
    }

    @SuppressWarnings("removal")
    static Caller current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String user = subject == null ? "shell" : subject.getPrincipals(UserPrincipal.class).stream()
                .map(Principal::getName).findFirst().orElse("shell");
        return Caller.platformAdministrator(user, null);
    }
}
