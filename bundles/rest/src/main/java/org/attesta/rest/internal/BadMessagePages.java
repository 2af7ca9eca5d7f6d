package org.attesta.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Component;

/**
 * Requests Jetty refuses while parsing, before any servlet or filter sees them (a NUL or a
 * broken escape in the path, a request line over 8 KiB, headers too large), were answered with
 * Jetty's HTML "Bad Message" page. Jetty asks the server's {@link ErrorHandler} bean for that
 * page; this installs one that writes it as a problem document instead, with the API's headers.
 * It is a request customizer (Pax Web adds those services to its connectors) because that is
 * how a bundle reaches Pax Web's server: it installs the handler at the first request the
 * server parses, long before anyone can send a broken one in practice (the start-up checks
 * call the API first).
 */
@Component(service = HttpConfiguration.Customizer.class)
public class BadMessagePages implements HttpConfiguration.Customizer {
    private final ErrorHandler problems = new ProblemErrorHandler();

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        install(connector.getServer());
    }

    void install(Server server) {
        if (server != null && !(server.getErrorHandler() instanceof ProblemErrorHandler)) {
            server.setErrorHandler(problems);
        }
    }

    /** Jetty's error handler with the bad-message page as problem+json. */
    static final class ProblemErrorHandler extends ErrorHandler {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
            fields.put(HttpHeader.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE + ";charset=utf-8");
            fields.put(HttpHeader.CACHE_CONTROL, ApiResponseHeaders.CACHE_CONTROL);
            fields.put("X-Content-Type-Options", ApiResponseHeaders.CONTENT_TYPE_OPTIONS);
            return ByteBuffer.wrap(body(status));
        }

        static byte[] body(int status) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", ProblemResponses.TYPE_PREFIX + type(status));
            problem.put("title", AttestaExceptionMapper.title(status));
            problem.put("status", status);
            problem.put("detail", detail(status));
            try {
                return JSON.writeValueAsBytes(problem);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String type(int status) {
            return switch (status) {
                case 414 -> "uri-too-long";
                case 431 -> "headers-too-large";
                default -> status >= 500 ? "server-error" : "bad-request";
            };
        }

        private static String detail(int status) {
            return switch (status) {
                case 414 -> "Адрес запроса длиннее 8 КБ: передайте данные в теле запроса";
                case 431 -> "Заголовки запроса слишком велики";
                default -> status >= 500 ? "Внутренняя ошибка сервера"
                        : "Запрос не удалось разобрать: в адресе недопустимый символ (например NUL) или неверная "
                                + "%-последовательность";
            };
        }
    }
}
