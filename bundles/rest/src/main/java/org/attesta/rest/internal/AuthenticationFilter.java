package org.attesta.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.common.AttestaException;
import org.attesta.api.security.AuthenticationService;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;
import org.attesta.api.security.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Finds out who is calling, before matching: the web UI's session cookie, a session token
 * ({@code Authorization: Bearer}) or a password per request ({@code Authorization: Basic}) for
 * scripts. The caller (anonymous when there are no credentials) is bound to the thread for the
 * request, so providers check access and audit against it; {@link CallerRelease} unbinds it.
 * Wrong credentials end the request here (401, or 429 while locked out).
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    static final String SESSION_COOKIE = "attesta_session";
    /** What a stranger may reach: signing in and the API description (see {@link PublicEndpoint}). */
    static final java.util.Set<String> PUBLIC_PATHS = java.util.Set.of("auth/login", "auth/tokens", "openapi.json");

    private final AuthenticationService authentication;
    private final CallerContext callers;
    private final AuditLog audit;

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public AuthenticationFilter(@Reference AuthenticationService authentication, @Reference CallerContext callers,
            @Reference AuditLog audit) {
        this.authentication = authentication;
        this.callers = callers;
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String address = servletRequest == null ? null : servletRequest.getRemoteAddr();
        // Bound first, so that even a refused sign-in is audited with its address.
        CallerContext.Binding binding = callers.bind(Caller.anonymous(address));
        RequestCaller found;
        try {
            found = identify(request, address, binding);
        } catch (AttestaException e) {
            request.setProperty(RequestCaller.PROPERTY, new RequestCaller(Caller.anonymous(address),
                    RequestCaller.NONE, null, null, binding));
            request.abortWith(AttestaExceptionMapper.response(e, Challenge.wanted(request)));
            return;
        }
        request.setProperty(RequestCaller.PROPERTY, found);
        String path = request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
        if (found.caller().isAnonymous() && !PUBLIC_PATHS.contains(path)) {
            // Before matching, so that a stranger learns nothing, not even which paths exist.
            request.abortWith(AttestaExceptionMapper.response(new org.attesta.api.common.AuthenticationException(
                    "unauthorized", found.sessionToken() != null ? "Сеанс истёк или недействителен: войдите снова"
                            : "Войдите: запрос к API требует входа (сеанс, токен или HTTP Basic)"),
                    Challenge.wanted(request)));
        }
    }

    private RequestCaller identify(ContainerRequestContext request, String address, CallerContext.Binding anonymous) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String bearer = SessionTokens.bearer(authorization);
        if (bearer != null) {
            return fromSession(bearer, RequestCaller.BEARER, address, anonymous);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Basic basic = Basic.parse(authorization);
            if (basic == null) {
                throw new org.attesta.api.common.AuthenticationException("invalid-credentials",
                        "Заголовок Authorization не удалось прочитать: ожидается Basic с base64(логин:пароль)");
            }
            Caller caller = authentication.authenticate(SignInInput.login(basic.login()), basic.password().toCharArray(),
                    address);
            return new RequestCaller(caller, RequestCaller.BASIC, null, null, rebind(anonymous, caller));
        }
        String cookie = SessionTokens.cookie(request.getCookies().get(SESSION_COOKIE));
        if (cookie != null) {
            return fromSession(cookie, RequestCaller.COOKIE, address, anonymous);
        }
        return new RequestCaller(Caller.anonymous(address), RequestCaller.NONE, null, null, anonymous);
    }

    /** An unknown or expired token counts as no credentials (the UI then shows its login page); it is audited. */
    private RequestCaller fromSession(String token, String via, String address, CallerContext.Binding anonymous) {
        Optional<Session> session = authentication.session(token, address);
        if (session.isEmpty()) {
            audit.record(AuditEvent.denied(AuditActions.SESSION_REJECTED, "session", null)
                    .withDetail(Map.of("via", via)));
            return new RequestCaller(Caller.anonymous(address), RequestCaller.NONE, token, null, anonymous);
        }
        Caller caller = session.get().caller();
        return new RequestCaller(caller, via, token, RequestCaller.COOKIE.equals(via) ? session.get().csrfToken() : null,
                rebind(anonymous, caller));
    }

    private CallerContext.Binding rebind(CallerContext.Binding anonymous, Caller caller) {
        anonymous.close();
        return callers.bind(caller);
    }

    /** Login and password from a Basic header, or null when it cannot be read. */
    record Basic(String login, String password) {
        static Basic parse(String header) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
        }

        @Override
        public String toString() {
            return "Basic[" + login + "]";
        }
    }
}
