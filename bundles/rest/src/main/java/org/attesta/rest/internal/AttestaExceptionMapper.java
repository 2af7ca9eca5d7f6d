package org.attesta.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.attesta.api.common.AttestaException;
import org.attesta.api.common.ConflictException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.Problem;
import org.attesta.api.common.TooLargeException;
import org.attesta.api.common.UnsupportedFormatException;
import org.attesta.api.registry.ImportRejectedException;
import org.attesta.api.registry.ImportReport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/** Failures the services report, as problem+json with the status that means what happened. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(AttestaApplication.SELECT)
public class AttestaExceptionMapper implements ExceptionMapper<AttestaException> {

    @Override
    public Response toResponse(AttestaException failure) {
        int status = status(failure);
        List<Problem> errors = failure instanceof InvalidInputException invalid ? invalid.problems() : List.of();
        return ProblemResponses.of(status, failure.type(), title(status), failure.getMessage(), errors,
                extensions(failure));
    }

    static int status(AttestaException failure) {
        if (failure instanceof NotFoundException) {
            return 404;
        }
        if (failure instanceof ConflictException) {
            return 409;
        }
        if (failure instanceof TooLargeException) {
            return 413;
        }
        if (failure instanceof UnsupportedFormatException) {
            return 415;
        }
        if (failure instanceof InvalidInputException invalid) {
            return invalid.ruleViolation() ? 422 : 400;
        }
        return 400;
    }

    private static Map<String, Object> extensions(AttestaException failure) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (failure instanceof ImportRejectedException rejected) {
            ImportReport report = rejected.report();
            extensions.put("rows", report.rows());
            extensions.put("rejected", report.rejected());
            extensions.put("format", report.format());
        }
        return extensions;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Неверный запрос";
            case 401 -> "Требуется вход";
            case 403 -> "Недостаточно прав";
            case 404 -> "Не найдено";
            case 405 -> "Метод не поддерживается";
            case 406 -> "Формат ответа не поддерживается";
            case 409 -> "Конфликт с сохранёнными данными";
            case 413 -> "Слишком большой запрос";
            case 415 -> "Формат данных не поддерживается";
            case 422 -> "Данные не прошли проверку";
            default -> "Ошибка сервера";
        };
    }
}
