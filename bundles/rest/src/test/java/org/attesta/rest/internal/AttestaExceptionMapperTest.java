package org.attesta.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.attesta.api.common.AttestaException;
import org.attesta.api.common.ConflictException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.Problem;
import org.attesta.api.common.TooLargeException;
import org.attesta.api.common.UnsupportedFormatException;
import org.attesta.api.registry.ImportRejectedException;
import org.attesta.api.registry.ImportReport;
import org.junit.jupiter.api.Test;

class AttestaExceptionMapperTest {
    private final AttestaExceptionMapper mapper = new AttestaExceptionMapper();

    // --- status ---

    @Test
    void notFoundIs404() {
        assertEquals(404, AttestaExceptionMapper.status(new NotFoundException("нет")));
    }

    @Test
    void conflictIs409() {
        assertEquals(409, AttestaExceptionMapper.status(new ConflictException("duplicate-code", "занято")));
    }

    @Test
    void tooLargeIs413() {
        assertEquals(413, AttestaExceptionMapper.status(new TooLargeException("велико")));
    }

    @Test
    void unsupportedFormatIs415() {
        assertEquals(415, AttestaExceptionMapper.status(new UnsupportedFormatException("не тот формат")));
    }

    @Test
    void malformedInputIs400() {
        assertEquals(400, AttestaExceptionMapper.status(new InvalidInputException("page", "не число")));
    }

    @Test
    void brokenRuleIs422() {
        assertEquals(422, AttestaExceptionMapper.status(InvalidInputException.rule("unknown-school", "schoolCode", "нет ОО")));
    }

    @Test
    void rejectedImportIs422() {
        assertEquals(422, AttestaExceptionMapper.status(new ImportRejectedException(report(List.of()))));
    }

    @Test
    void anyOtherFailureIs400() {
        assertEquals(400, AttestaExceptionMapper.status(new AttestaException("other", "что-то") {
            private static final long serialVersionUID = 1L;
        }));
    }

    // --- response ---

    @Test
    void notFoundBecomesProblemJsonWithoutErrors() {
        Response response = mapper.toResponse(new NotFoundException("Участник 5 не найден"));

        assertEquals(404, response.getStatus());
        assertEquals("application/problem+json", response.getHeaderString(HttpHeaders.CONTENT_TYPE));
        assertEquals(ordered(
                "type", "urn:attesta:problem:not-found",
                "title", "Не найдено",
                "status", 404,
                "detail", "Участник 5 не найден"), body(response));
    }

    @Test
    void conflictKeepsItsOwnType() {
        Response response = mapper.toResponse(new ConflictException("duplicate-code", "Код 5001 уже занят"));

        assertEquals(409, response.getStatus());
        assertEquals("urn:attesta:problem:duplicate-code", body(response).get("type"));
        assertEquals("Конфликт с сохранёнными данными", body(response).get("title"));
        assertEquals("Код 5001 уже занят", body(response).get("detail"));
    }

    @Test
    void tooLargeAndUnsupportedFormatHaveTheirTitles() {
        Response tooLarge = mapper.toResponse(new TooLargeException("Файл больше 512 МБ"));
        Response unsupported = mapper.toResponse(new UnsupportedFormatException("Нельзя"));

        assertEquals(413, tooLarge.getStatus());
        assertEquals("Слишком большой запрос", body(tooLarge).get("title"));
        assertEquals("urn:attesta:problem:too-large", body(tooLarge).get("type"));
        assertEquals(415, unsupported.getStatus());
        assertEquals("Формат данных не поддерживается", body(unsupported).get("title"));
        assertEquals("urn:attesta:problem:unsupported-format", body(unsupported).get("type"));
    }

    @Test
    void invalidInputListsItsProblems() {
        Response response = mapper.toResponse(new InvalidInputException("size", "Размер страницы должен быть от 1 до 500: 0"));

        assertEquals(400, response.getStatus());
        assertEquals("Неверный запрос", body(response).get("title"));
        assertEquals(List.of(new Problem(0, "size", "Размер страницы должен быть от 1 до 500: 0")),
                body(response).get("errors"));
    }

    @Test
    void ruleViolationIs422WithItsTitle() {
        Response response = mapper.toResponse(InvalidInputException.rule("unknown-school", "schoolCode", "ОО 77 нет"));

        assertEquals(422, response.getStatus());
        assertEquals("Данные не прошли проверку", body(response).get("title"));
        assertEquals("urn:attesta:problem:unknown-school", body(response).get("type"));
        assertEquals(List.of(new Problem(0, "schoolCode", "ОО 77 нет")), body(response).get("errors"));
    }

    @Test
    void rejectedImportAddsRowsRejectedFormatAndErrors() {
        List<Problem> errors = List.of(
                new Problem(3, "СНИЛС", "неверная контрольная сумма"),
                new Problem(7, "Код ОО", "ОО нет в реестре"));
        ImportRejectedException rejected = new ImportRejectedException(report(errors));

        Response response = mapper.toResponse(rejected);

        assertEquals(422, response.getStatus());
        assertEquals("application/problem+json", response.getHeaderString(HttpHeaders.CONTENT_TYPE));
        assertEquals(ordered(
                "type", "urn:attesta:problem:import-rejected",
                "title", "Данные не прошли проверку",
                "status", 422,
                "detail", "Файл не загружен: строк с ошибками 2 из 10. Исправьте их и загрузите файл снова "
                        + "или загрузите только верные строки.",
                "errors", errors,
                "rows", 10L,
                "rejected", 2L,
                "format", "csv"), body(response));
        assertEquals(List.of("type", "title", "status", "detail", "errors", "rows", "rejected", "format"),
                List.copyOf(body(response).keySet()));
    }

    @Test
    void onlyRejectedImportsCarryImportFields() {
        Map<String, Object> body = body(mapper.toResponse(InvalidInputException.rule("x", "f", "m")));

        assertFalse(body.containsKey("rows"));
        assertFalse(body.containsKey("rejected"));
        assertFalse(body.containsKey("format"));
    }

    @Test
    void titlesOfStatusesWithoutAnException() {
        assertEquals("Требуется вход", AttestaExceptionMapper.title(401));
        assertEquals("Недостаточно прав", AttestaExceptionMapper.title(403));
        assertEquals("Метод не поддерживается", AttestaExceptionMapper.title(405));
        assertEquals("Формат ответа не поддерживается", AttestaExceptionMapper.title(406));
        assertEquals("Ошибка сервера", AttestaExceptionMapper.title(500));
    }

    private static ImportReport report(List<Problem> errors) {
        return new ImportReport("csv", 10, 0, 0, 2, false, errors);
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> body(Response response) {
        return ((ProblemDocument) response.getEntity()).fields();
    }
}
