package org.attesta.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The staff web UI at /ui/ on the OSGi HTTP Whiteboard (default context, same origin as
 * /api/v1). Serves the files the front-end build put under the bundle's {@code web/}:
 * pre-compressed gzip when the client accepts it, hashed assets cached for a year,
 * index.html revalidated every time and also answered for every address of the app
 * (deep links); the security headers on every response.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=attesta-web-ui",
        "osgi.http.whiteboard.servlet.pattern=/ui/*"
})
public class WebUiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String WEB_ROOT = "web";

    private transient StaticAssets assets;

    public WebUiServlet() {
    }

    WebUiServlet(StaticAssets assets) {
        this.assets = assets;
    }

    @Activate
    void activate(BundleContext context) throws IOException {
        StaticAssets loaded = StaticAssets.of(read(context.getBundle()));
        if (loaded.resolve("") == null) {
            throw new IllegalStateException("bundle " + context.getBundle().getSymbolicName()
                    + " has no " + WEB_ROOT + "/" + StaticAssets.INDEX + ": it was built without the front-end");
        }
        assets = loaded;
    }

    /** Every file under web/ of the bundle, by path relative to web/. */
    static Map<String, byte[]> read(Bundle bundle) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        Enumeration<URL> entries = bundle.findEntries(WEB_ROOT, "*", true);
        String prefix = "/" + WEB_ROOT + "/";
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath();
            if (path.endsWith("/") || !path.startsWith(prefix)) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                files.put(path.substring(prefix.length()), in.readAllBytes());
            }
        }
        return files;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.apply(response);
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method Not Allowed", head);
            return;
        }
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            // "/ui": the app's relative URLs need the trailing slash
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/ui/" + (query == null ? "" : "?" + query));
            response.setContentLength(0);
            return;
        }
        StaticAssets.Asset asset = assets.resolve(pathInfo);
        if (asset == null) {
            response.setHeader("Cache-Control", StaticAssets.REVALIDATE);
            plain(response, HttpServletResponse.SC_NOT_FOUND, "Not Found", head);
            return;
        }
        boolean gzip = asset.hasGzip() && StaticAssets.acceptsGzip(request.getHeader("Accept-Encoding"));
        String etag = gzip ? asset.gzipEtag() : asset.etag();
        if (asset.hasGzip()) {
            response.setHeader("Vary", "Accept-Encoding");
        }
        response.setHeader("Cache-Control", asset.cacheControl());
        response.setHeader("ETag", etag);
        if (StaticAssets.matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? asset.gzip() : asset.bytes();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(asset.contentType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }

    private static void plain(HttpServletResponse response, int status, String text, boolean head) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }
}
