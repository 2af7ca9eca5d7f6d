package org.attesta.rest.internal;

import static org.attesta.rest.internal.AttestaExceptionMapperTest.body;
import static org.attesta.rest.internal.AttestaExceptionMapperTest.ordered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.attesta.api.common.Problem;
import org.attesta.api.registry.ExamDayDraft;
import org.attesta.api.registry.MunicipalityDraft;
import org.junit.jupiter.api.Test;

class JsonExceptionMapperTest {
    private final ObjectMapper json = AttestaApplication.objectMapper();
    private final JsonExceptionMapper mapper = new JsonExceptionMapper();

    @Test
    void unknownFieldIsNamedWithTheFieldsThatAreAllowed() {
        JsonProcessingException failure = failure("{\"code\":\"01\",\"title\":\"Город\"}", MunicipalityDraft.class);
        assertInstanceOf(UnrecognizedPropertyException.class, failure);

        Response response = mapper.toResponse(failure);

        String detail = "Неизвестное поле «title». Допустимые поля: code, name";
        assertEquals(400, response.getStatus());
        assertEquals("application/problem+json", response.getHeaderString(HttpHeaders.CONTENT_TYPE));
        assertEquals(ordered(
                "type", "urn:attesta:problem:invalid-json",
                "title", "Неверный запрос",
                "status", 400,
                "detail", detail,
                "errors", List.of(new Problem(0, "title", detail))), body(response));
    }

    @Test
    void impossibleDateNamesTheFieldAndTheExpectedForm() {
        JsonProcessingException failure = failure("{\"date\":\"2026-02-30\",\"kind\":\"MAIN\"}", ExamDayDraft.class);
        assertInstanceOf(InvalidFormatException.class, failure);

        Response response = mapper.toResponse(failure);

        String detail = "Поле «date»: недопустимое значение «2026-02-30»; ожидается дата ГГГГ-ММ-ДД";
        assertEquals(400, response.getStatus());
        assertEquals(detail, body(response).get("detail"));
        assertEquals(List.of(new Problem(0, "date", detail)), body(response).get("errors"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        JsonProcessingException failure = failure("{\"date\":\"2026-05-20\",\"kind\":\"EXTRA\"}", ExamDayDraft.class);
        assertInstanceOf(InvalidFormatException.class, failure);

        Response response = mapper.toResponse(failure);

        String detail = "Поле «kind»: недопустимое значение «EXTRA»; допустимо: MAIN, ADDITIONAL";
        assertEquals(detail, body(response).get("detail"));
        assertEquals(List.of(new Problem(0, "kind", detail)), body(response).get("errors"));
    }

    @Test
    void enumAsNumberIsRefusedToo() {
        JsonProcessingException failure = failure("{\"date\":\"2026-05-20\",\"kind\":1}", ExamDayDraft.class);

        Response response = mapper.toResponse(failure);

        String detail = "Поле «kind»: недопустимое значение «1»; допустимо: MAIN, ADDITIONAL";
        assertEquals(400, response.getStatus());
        assertEquals(List.of(new Problem(0, "kind", detail)), body(response).get("errors"));
    }

    @Test
    void valueOfTheWrongShapeNamesTheExpectedType() {
        JsonProcessingException failure = failure("{\"code\":[\"01\"],\"name\":\"Город\"}", MunicipalityDraft.class);
        assertInstanceOf(MismatchedInputException.class, failure);

        Response response = mapper.toResponse(failure);

        String detail = "Поле «code»: неверный тип значения; ожидается String";
        assertEquals(detail, body(response).get("detail"));
        assertEquals(List.of(new Problem(0, "code", detail)), body(response).get("errors"));
    }

    @Test
    void fieldInAListIsNamedWithItsIndex() {
        JsonProcessingException failure = assertThrows(JsonProcessingException.class, () -> json.readValue(
                "[{\"date\":\"2026-05-20\",\"kind\":\"MAIN\"},{\"date\":\"2026-02-30\",\"kind\":\"MAIN\"}]",
                new TypeReference<List<ExamDayDraft>>() { }));

        Response response = mapper.toResponse(failure);

        assertEquals(List.of(new Problem(0, "[1].date",
                "Поле «[1].date»: недопустимое значение «2026-02-30»; ожидается дата ГГГГ-ММ-ДД")),
                body(response).get("errors"));
    }

    @Test
    void bodyThatIsNotJsonSaysSoWithTheLine() {
        JsonProcessingException failure = failure("{\n\"code\": \"01\",\n  name: oops\n}", MunicipalityDraft.class);
        assertInstanceOf(JsonParseException.class, failure);

        Response response = mapper.toResponse(failure);

        String detail = "Тело запроса — не JSON (ошибка в строке 3)";
        assertEquals(400, response.getStatus());
        assertEquals("urn:attesta:problem:invalid-json", body(response).get("type"));
        assertEquals(detail, body(response).get("detail"));
        assertEquals(List.of(new Problem(0, "", detail)), body(response).get("errors"));
    }

    @Test
    void plainTextBodyIsNotJsonOnLineOne() {
        JsonProcessingException failure = failure("code=01&name=Город", MunicipalityDraft.class);

        assertEquals("Тело запроса — не JSON (ошибка в строке 1)", body(mapper.toResponse(failure)).get("detail"));
    }

    private JsonProcessingException failure(String body, Class<?> type) {
        return assertThrows(JsonProcessingException.class, () -> json.readValue(body, type));
    }
}
