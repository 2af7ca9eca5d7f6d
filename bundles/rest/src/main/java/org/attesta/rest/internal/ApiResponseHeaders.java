package org.attesta.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Every /api/v1 response, errors and refusals included: nearly all of them carry personal data
 * or say something about it, so none may be kept by a browser or a shared proxy
 * ({@code no-store}), and none may be sniffed into HTML by a browser that meets it outside the UI.
 * One rule for all is safer than a list of the operations that carry personal data.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Priority(Priorities.HEADER_DECORATOR)
public class ApiResponseHeaders implements ContainerResponseFilter {
    static final String CACHE_CONTROL = "no-store";
    static final String CONTENT_TYPE_OPTIONS = "nosniff";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", CACHE_CONTROL);
        response.getHeaders().putSingle("X-Content-Type-Options", CONTENT_TYPE_OPTIONS);
    }
}
