package org.attesta.rest.internal;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.common.AccessDeniedException;
import org.attesta.api.common.AttestaException;
import org.attesta.api.common.AuthenticationException;
import org.attesta.api.security.AccessPolicy;
import org.attesta.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * The one gate every operation of /api/v1 passes after matching: it reads what the operation
 * declares ({@link PublicEndpoint}, {@link SignedIn} or {@link Requires}) and refuses a stranger
 * (401), a caller who must first change a one-time password, a browser change without the
 * session's CSRF token, and a caller whose roles lack the permission anywhere (403). An
 * operation that declares nothing is refused to everyone. Which objects the caller may touch is
 * then checked by the providers, against the same {@link AccessPolicy}.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AccessPolicy policy;
    private final AuditLog audit;

    @Context
    private ResourceInfo resource;

    @Activate
    public AuthorizationFilter(@Reference AccessPolicy policy, @Reference AuditLog audit) {
        this.policy = policy;
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            check(request, resource.getResourceMethod(), resource.getResourceClass());
        } catch (AttestaException e) {
            request.abortWith(AttestaExceptionMapper.response(e, Challenge.wanted(request)));
        }
    }

    void check(ContainerRequestContext request, Method method, Class<?> type) {
        if (declared(method, type, PublicEndpoint.class)) {
            return;
        }
        RequestCaller found = RequestCaller.of(request);
        Caller caller = found == null ? Caller.anonymous(null) : found.caller();
        if (caller.isAnonymous()) {
            throw new AuthenticationException("unauthorized", found != null && found.sessionToken() != null
                    ? "Сеанс истёк или недействителен: войдите снова"
                    : "Войдите: запрос к API требует входа (сеанс, токен или HTTP Basic)");
        }
        if (RequestCaller.COOKIE.equals(found.via()) && !SAFE_METHODS.contains(request.getMethod())
                && !sameToken(found.csrfToken(), request.getHeaderString(CSRF_HEADER))) {
            audit.record(AuditEvent.denied(AuditActions.CSRF_REJECTED, "request", request.getMethod() + " "
                    + request.getUriInfo().getPath()).withDetail(Map.of()));
            throw new AccessDeniedException("Запрос отклонён: нет или неверный CSRF-токен (заголовок "
                    + CSRF_HEADER + "). Обновите страницу и повторите действие");
        }
        if (declared(method, type, SignedIn.class)) {
            return;
        }
        if (caller.passwordChangeRequired()) {
            throw new PasswordChangeRequiredException();
        }
        Requires requires = method.getAnnotation(Requires.class);
        if (requires == null) {
            requires = type.getAnnotation(Requires.class);
        }
        if (requires == null) {
            throw new AccessDeniedException("Операция не отнесена ни к одному праву и потому закрыта");
        }
        policy.require(requires.value());
    }

    private static boolean declared(Method method, Class<?> type, Class<? extends java.lang.annotation.Annotation> a) {
        return method.isAnnotationPresent(a) || (type.isAnnotationPresent(a) && !method.isAnnotationPresent(Requires.class));
    }

    private static boolean sameToken(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** A one-time password is still in use: only changing it (and signing out) is allowed. */
    static final class PasswordChangeRequiredException extends AccessDeniedException {
        private static final long serialVersionUID = 1L;

        PasswordChangeRequiredException() {
            super("Смените временный пароль: до этого другие действия недоступны");
        }

        @Override
        public String type() {
            return "password-change-required";
        }
    }
}
