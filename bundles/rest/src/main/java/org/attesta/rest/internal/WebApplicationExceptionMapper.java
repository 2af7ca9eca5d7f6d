package org.attesta.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/** The framework's own failures (no such path, wrong method or media type) as problem+json too. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(AttestaApplication.SELECT)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response original = failure.getResponse();
        int status = original.getStatus();
        Response problem = ProblemResponses.of(status, type(status), AttestaExceptionMapper.title(status), detail(status));
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static String type(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "server-error" : "bad-request";
        };
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "Такого адреса в API нет. Список адресов: /api/v1/openapi.json";
            case 405 -> "Этот адрес не поддерживает такой метод. Список методов: /api/v1/openapi.json";
            case 406 -> "Ответ может быть только в формате JSON (Accept: application/json)";
            case 415 -> "Тело запроса должно быть в формате JSON (Content-Type: application/json)";
            default -> status >= 500 ? "Внутренняя ошибка сервера" : "Запрос не может быть обработан";
        };
    }
}
