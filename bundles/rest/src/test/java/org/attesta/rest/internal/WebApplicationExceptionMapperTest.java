package org.attesta.rest.internal;

import static org.attesta.rest.internal.AttestaExceptionMapperTest.body;
import static org.attesta.rest.internal.AttestaExceptionMapperTest.ordered;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import javax.ws.rs.InternalServerErrorException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class WebApplicationExceptionMapperTest {
    private final WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();

    @Test
    void noSuchPathIsProblemJsonPointingToTheApiDescription() {
        Response response = mapper.toResponse(new NotFoundException());

        assertEquals(404, response.getStatus());
        assertEquals("application/problem+json", response.getHeaderString(HttpHeaders.CONTENT_TYPE));
        assertEquals(ordered(
                "type", "urn:attesta:problem:not-found",
                "title", "Не найдено",
                "status", 404,
                "detail", "Такого адреса в API нет. Список адресов: /api/v1/openapi.json"), body(response));
    }

    @Test
    void wrongMethodIsProblemJsonAndKeepsTheAllowHeader() {
        Response response = mapper.toResponse(new NotAllowedException("GET", new String[] {"POST"}));

        assertEquals(405, response.getStatus());
        assertEquals("application/problem+json", response.getHeaderString(HttpHeaders.CONTENT_TYPE));
        assertEquals("urn:attesta:problem:method-not-allowed", body(response).get("type"));
        assertEquals("Метод не поддерживается", body(response).get("title"));
        assertEquals("Этот адрес не поддерживает такой метод. Список методов: /api/v1/openapi.json",
                body(response).get("detail"));
        assertEquals(Set.of("GET", "POST"), response.getAllowedMethods());
    }

    @Test
    void unsupportedMediaTypeIsProblemJson() {
        Response response = mapper.toResponse(new NotSupportedException());

        assertEquals(415, response.getStatus());
        assertEquals("application/problem+json", response.getHeaderString(HttpHeaders.CONTENT_TYPE));
        assertEquals("urn:attesta:problem:unsupported-media-type", body(response).get("type"));
        assertEquals("Формат данных не поддерживается", body(response).get("title"));
        assertEquals("Тело запроса должно быть в формате JSON (Content-Type: application/json)",
                body(response).get("detail"));
    }

    @Test
    void notAcceptableIsProblemJson() {
        Response response = mapper.toResponse(new NotAcceptableException());

        assertEquals(406, response.getStatus());
        assertEquals("urn:attesta:problem:not-acceptable", body(response).get("type"));
        assertEquals("Ответ может быть только в формате JSON (Accept: application/json)", body(response).get("detail"));
    }

    @Test
    void originalContentTypeIsReplacedButOtherHeadersStay() {
        Response original = Response.status(415).type("text/html").header("X-Request-Id", "r-17").build();

        Response response = mapper.toResponse(new WebApplicationException(original));

        assertEquals("application/problem+json", response.getHeaderString(HttpHeaders.CONTENT_TYPE));
        assertEquals(List.of("application/problem+json"), response.getStringHeaders().get(HttpHeaders.CONTENT_TYPE));
        assertEquals("r-17", response.getHeaderString("X-Request-Id"));
    }

    @Test
    void serverErrorsAreGeneric() {
        Response response = mapper.toResponse(new InternalServerErrorException());

        assertEquals(500, response.getStatus());
        assertEquals("urn:attesta:problem:server-error", body(response).get("type"));
        assertEquals("Ошибка сервера", body(response).get("title"));
        assertEquals("Внутренняя ошибка сервера", body(response).get("detail"));
    }

    @Test
    void otherClientErrorsAreBadRequests() {
        Response response = mapper.toResponse(new WebApplicationException(409));

        assertEquals(409, response.getStatus());
        assertEquals("urn:attesta:problem:bad-request", body(response).get("type"));
        assertEquals("Запрос не может быть обработан", body(response).get("detail"));
    }
}
