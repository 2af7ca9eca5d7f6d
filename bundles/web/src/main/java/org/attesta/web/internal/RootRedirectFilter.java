package org.attesta.web.internal;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * Sends a browser that opens the server's root ("/") to the UI at /ui/. A filter, not a
 * servlet: Pax Web 8 turns the whiteboard's context-root pattern "" into "/", the default
 * servlet, which the JAX-RS whiteboard's default application ("/*") outranks. Every other
 * request of the default context passes through untouched (/api/v1 has a context of its own).
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.name=attesta-web-root",
        "osgi.http.whiteboard.filter.pattern=/*"
})
public class RootRedirectFilter implements Filter {

    @Override
    public void init(FilterConfig config) {
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
                && isRoot(request) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            SecurityHeaders.apply(response);
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + "/ui/");
            response.setHeader("Cache-Control", "no-cache");
            response.setContentLength(0);
            return;
        }
        chain.doFilter(req, res);
    }

    static boolean isRoot(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), context == null ? 0 : context.length()));
        return path.isEmpty() || path.equals("/");
    }

    @Override
    public void destroy() {
    }
}
