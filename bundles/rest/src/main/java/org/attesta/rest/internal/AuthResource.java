package org.attesta.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.security.AccessPolicy;
import org.attesta.api.security.AccountService;
import org.attesta.api.security.AuthenticationService;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;
import org.attesta.api.security.Permission;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Signing in and out. The web UI signs in with {@code POST /auth/login} and gets an HttpOnly,
 * SameSite=Strict session cookie plus a CSRF token it sends back with every change; scripts
 * take a token from {@code POST /auth/tokens} and send it as {@code Authorization: Bearer}.
 */
@Component(service = AuthResource.class, configurationPid = AuthResource.PID)
@Designate(ocd = AuthResource.Config.class)
@JaxrsResource
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
    static final String PID = "org.attesta.rest.proxy";

    @ObjectClassDefinition(name = "Attesta REST behind a TLS proxy")
    public @interface Config {
        @AttributeDefinition(description = "Addresses of the TLS-terminating reverse proxies in front of the server "
                + "(exact IP addresses, as the server sees them). Only from these is X-Forwarded-Proto: https believed; "
                + "the session cookie is then marked Secure")
        String[] trusted_proxies() default {};
    }

    /** Login and password as typed. */
    public record LoginRequest(String login, String password) {
        @Override
        public String toString() {
            return "LoginRequest[" + login + "]";
        }
    }

    /** A change of one's own password. */
    public record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    /** Who is signed in and what they may do, for the UI to build its menus. */
    public record AccountView(String login, String displayName, String kind, List<RoleGrant> grants,
            boolean passwordChangeRequired, Set<Permission> permissions) {
    }

    /** The signed-in session as the UI sees it (the token itself stays in the cookie). */
    public record SessionView(String csrfToken, Instant expiresAt, AccountView account) {
    }

    /** A session token for a script. */
    public record TokenView(String token, Instant expiresAt, AccountView account) {
    }

    private final AuthenticationService authentication;
    private final AccountService accounts;
    private final AccessPolicy policy;
    private final CallerContext callers;

    private volatile TrustedProxies proxies = TrustedProxies.NONE;

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public AuthResource(@Reference AuthenticationService authentication, @Reference AccountService accounts,
            @Reference AccessPolicy policy, @Reference CallerContext callers, Config config) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.policy = policy;
        this.callers = callers;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        proxies = TrustedProxies.of(config.trusted_proxies());
    }

    /** Signs a staff member in for the web UI: sets the session cookie and returns the CSRF token. */
    @POST
    @Path("login")
    @PublicEndpoint
    public Response login(LoginRequest request, @Context UriInfo uri) {
        Session session = open(request);
        return Response.ok(new SessionView(session.csrfToken(), session.expiresAt(), view(session.caller())))
                .header(HttpHeaders.SET_COOKIE, cookie(session.token(), secure(uri), false)).header("Cache-Control", "no-store")
                .build();
    }

    /** Signs a staff member in for a script: returns a session token for {@code Authorization: Bearer}. */
    @POST
    @Path("tokens")
    @PublicEndpoint
    public Response token(LoginRequest request) {
        Session session = open(request);
        return Response.ok(new TokenView(session.token(), session.expiresAt(), view(session.caller())))
                .header("Cache-Control", "no-store").build();
    }

    /** The current session (a fresh look at roles and permissions); 401 when not signed in. */
    @GET
    @Path("session")
    @SignedIn
    public Response session(@Context HttpHeaders headers) {
        Caller caller = callers.current();
        Instant expires = null;
        String csrf = null;
        String token = SessionTokens.bearer(headers);
        boolean byCookie = token == null;
        if (byCookie) {
            token = SessionTokens.cookie(headers);
        }
        if (token != null) {
            Session session = authentication.session(token, caller.address()).orElse(null);
            if (session != null) {
                expires = session.expiresAt();
                csrf = byCookie ? session.csrfToken() : null;
            }
        }
        return Response.ok(new SessionView(csrf, expires, view(caller))).header("Cache-Control", "no-store").build();
    }

    /** Ends the session and clears the cookie. */
    @POST
    @Path("logout")
    @SignedIn
    public Response logout(@Context HttpHeaders headers, @Context UriInfo uri) {
        String token = SessionTokens.bearer(headers);
        authentication.logout(token != null ? token : SessionTokens.cookie(headers));
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", secure(uri), true)).build();
    }

    /** Changes the signed-in staff member's own password (the first time: the one-time password). */
    @POST
    @Path("password")
    @SignedIn
    public Response changePassword(PasswordChange change, @Context HttpHeaders headers) {
        if (change == null || change.currentPassword() == null || change.newPassword() == null) {
            throw new InvalidInputException("newPassword", "Укажите текущий и новый пароль");
        }
        accounts.changePassword(change.currentPassword().toCharArray(), change.newPassword().toCharArray(),
                requestSession(headers));
        return Response.noContent().build();
    }

    /**
     * The session this request was authenticated by, in AuthenticationFilter's order (Bearer,
     * then Basic, then the cookie), or null for a password per request: a stale cookie sent
     * beside a Basic header must not be the session that survives a password change.
     */
    private static String requestSession(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String bearer = SessionTokens.bearer(authorization);
        if (bearer != null) {
            return bearer;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        return SessionTokens.cookie(headers);
    }

    private Session open(LoginRequest request) {
        if (request == null || request.login() == null || request.login().isBlank() || request.password() == null) {
            throw new InvalidInputException("login", "Укажите имя пользователя и пароль");
        }
        return authentication.login(SignInInput.login(request.login()), request.password().toCharArray(),
                callers.current().address());
    }

    /** Whether the browser reached us over TLS, directly or through a trusted proxy. */
    private boolean secure(UriInfo uri) {
        HttpServletRequest request = servletRequest;
        return proxies.secure(uri.getRequestUri().getScheme(), request == null ? null : request.getRemoteAddr(),
                request == null ? null : request.getHeader("X-Forwarded-Proto"));
    }

    private AccountView view(Caller caller) {
        return new AccountView(caller.login(), caller.displayName(), caller.kind().name(), caller.grants(),
                caller.passwordChangeRequired(), policy.permissions(caller));
    }

    /**
     * The session cookie, written by hand because JAX-RS 2.1 has no SameSite attribute. Without
     * Max-Age it ends with the browser; the session's own expiry is kept on the server.
     */
    static String cookie(String token, boolean secure, boolean clear) {
        return AuthenticationFilter.SESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (clear ? "; Max-Age=0" : "");
    }
}
