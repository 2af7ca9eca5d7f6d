package org.attesta.rest.internal;

import java.io.IOException;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.ext.WriterInterceptor;
import javax.ws.rs.ext.WriterInterceptorContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Unbinds the request's caller from the thread when the request is done: after the response
 * filters when there is no body, after the body is written otherwise (a streamed body may
 * still call services as the caller).
 */
@Component(service = {ContainerResponseFilter.class, WriterInterceptor.class})
@JaxrsExtension
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Priority(Priorities.USER + 1000)
public class CallerRelease implements ContainerResponseFilter, WriterInterceptor {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestCaller caller = RequestCaller.of(request);
        if (caller != null && !response.hasEntity()) {
            caller.binding().close();
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } finally {
            Object caller = context.getProperty(RequestCaller.PROPERTY);
            if (caller instanceof RequestCaller requestCaller) {
                requestCaller.binding().close();
            }
        }
    }
}
