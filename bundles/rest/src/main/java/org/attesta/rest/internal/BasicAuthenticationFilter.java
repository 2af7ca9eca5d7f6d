package org.attesta.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.Priority;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Every request of /api/v1 authenticates with HTTP Basic against a Karaf JAAS realm, before
 * matching, so an unknown path answers 401 to a stranger rather than telling what exists.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = "org.attesta.rest.auth")
@Designate(ocd = BasicAuthenticationFilter.Config.class)
@JaxrsExtension
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthenticationFilter implements ContainerRequestFilter {

    @ObjectClassDefinition(name = "Attesta REST authentication")
    public @interface Config {
        @AttributeDefinition(description = "JAAS realm that checks user names and passwords")
        String realm() default "karaf";

        @AttributeDefinition(description = "Roles allowed to use the API (any one suffices)")
        String[] roles() default {"admin", "attesta"};
    }

    private static final System.Logger LOG = System.getLogger(BasicAuthenticationFilter.class.getName());
    private static final String CHALLENGE = "Basic realm=\"Attesta\", charset=\"UTF-8\"";

    private volatile String realm;
    private volatile Set<String> allowedRoles;

    @Activate
    public BasicAuthenticationFilter(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        realm = config.realm();
        allowedRoles = Set.of(config.roles());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Credentials credentials = Credentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials == null) {
            abort(request, "Войдите: запрос к API требует имя пользователя и пароль (HTTP Basic)");
            return;
        }
        Subject subject = login(credentials);
        if (subject == null) {
            abort(request, "Неверное имя пользователя или пароль");
            return;
        }
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                .collect(Collectors.toSet());
        if (roles.stream().noneMatch(allowedRoles::contains)) {
            request.abortWith(ProblemResponses.of(403, "forbidden", AttestaExceptionMapper.title(403),
                    "У пользователя " + credentials.user() + " нет доступа к API"));
            return;
        }
        Principal user = subject.getPrincipals(UserPrincipal.class).stream().findFirst()
                .map(Principal.class::cast).orElse(() -> credentials.user());
        request.setSecurityContext(new ApiSecurityContext(user, roles, request.getSecurityContext().isSecure()));
    }

    private Subject login(Credentials credentials) {
        Subject subject = new Subject();
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(credentials.user());
                    } else if (callback instanceof PasswordCallback password) {
                        password.setPassword(credentials.password().toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            return subject;
        } catch (LoginException e) {
            // The user name is not personal data here (staff logins), but the password never is logged.
            LOG.log(System.Logger.Level.INFO, "REST login refused for user " + credentials.user());
            return null;
        }
    }

    private static void abort(ContainerRequestContext request, String detail) {
        request.abortWith(javax.ws.rs.core.Response.fromResponse(
                ProblemResponses.of(401, "unauthorized", AttestaExceptionMapper.title(401), detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build());
    }

    /** User and password from an Authorization header, or null when there are none. */
    record Credentials(String user, String password) {
        static Credentials parse(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        }

        @Override
        public String toString() {
            return "Credentials[" + user + "]";
        }
    }

    private record ApiSecurityContext(Principal user, Set<String> roles, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    }
}
