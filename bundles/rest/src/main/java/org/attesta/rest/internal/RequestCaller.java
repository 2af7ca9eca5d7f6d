package org.attesta.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;

/**
 * What {@link AuthenticationFilter} learnt about a request, kept as a request property for the
 * later filters and resources.
 *
 * @param via how the caller signed in: cookie, bearer, basic or none
 * @param sessionToken the session token presented (cookie or bearer), or null
 * @param csrfToken the session's CSRF token when signed in by cookie, or null
 */
record RequestCaller(Caller caller, String via, String sessionToken, String csrfToken, CallerContext.Binding binding) {
    static final String PROPERTY = "org.attesta.rest.caller";
    static final String COOKIE = "cookie";
    static final String BEARER = "bearer";
    static final String BASIC = "basic";
    static final String NONE = "none";

    static RequestCaller of(ContainerRequestContext request) {
        return (RequestCaller) request.getProperty(PROPERTY);
    }

    @Override
    public String toString() {
        return "RequestCaller[" + caller.login() + " via " + via + "]";
    }
}
