package org.attesta.security.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * The login module of {@link PlatformRealm}. JAAS makes a new instance per login and knows
 * nothing of OSGi services, so the realm hands the sign-in over in the module's options.
 */
public class PlatformLoginModule implements LoginModule {

    /** The platform administrator's sign-in, throttled and audited. */
    @FunctionalInterface
    interface SignIn {
        PlatformAccounts.Administrator check(String login, char[] password, String address, String via)
                throws LoginException;
    }

    private Subject subject;
    private CallbackHandler handler;
    private SignIn signIn;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.signIn = (SignIn) options.get(PlatformRealm.SIGN_IN_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (signIn == null) {
            throw new LoginException("The Attesta realm is not available");
        }
        NameCallback name = new NameCallback("Login: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            // SSH public keys and other callbacks are not accepted: only a password is checked here.
            throw new FailedLoginException("Only a login and a password are accepted");
        }
        char[] secret = password.getPassword();
        if (name.getName() == null || secret == null) {
            throw new FailedLoginException("Login and password are required");
        }
        try {
            PlatformAccounts.Administrator administrator = signIn.check(name.getName(), secret, address(), via());
            principals.add(new UserPrincipal(administrator.login()));
            administrator.groups().forEach(group -> principals.add(new GroupPrincipal(group)));
            administrator.roles().forEach(role -> principals.add(new RolePrincipal(role)));
            return true;
        } finally {
            Arrays.fill(secret, '\0');
            password.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return !principals.isEmpty();
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }

    private String via() {
        return client().map(ClientPrincipal::getMethod).orElse("jaas");
    }

    private String address() {
        return client().map(ClientPrincipal::getAddress).map(PlatformLoginModule::host).orElse(null);
    }

    private java.util.Optional<ClientPrincipal> client() {
        return subject.getPrincipals(ClientPrincipal.class).stream().findFirst();
    }

    /** SSH names the client as a socket address ({@code /127.0.0.1:50522}); the port would make every try new. */
    static String host(String socketAddress) {
        if (socketAddress == null) {
            return null;
        }
        String host = socketAddress.substring(socketAddress.lastIndexOf('/') + 1);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon || host.startsWith("[") && colon > host.indexOf(']')) {
            host = host.substring(0, colon);
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
