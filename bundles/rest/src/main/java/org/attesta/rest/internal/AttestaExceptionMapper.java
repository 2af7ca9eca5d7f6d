package org.attesta.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.attesta.api.common.AccessDeniedException;
import org.attesta.api.common.AttestaException;
import org.attesta.api.common.AuthenticationException;
import org.attesta.api.common.TooManyRequestsException;
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

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(AttestaException failure) {
        return response(failure, headers == null
                || Challenge.wanted(headers.getHeaderString("Sec-Fetch-Mode"), headers.getHeaderString("X-Requested-With")));
    }

    /**
     * The problem response for a failure; a 401 carries a Basic challenge when {@code challenge}
     * (see {@link Challenge}), a 429 says when to try again.
     */
    static Response response(AttestaException failure, boolean challenge) {
        int status = status(failure);
        List<Problem> errors = failure instanceof InvalidInputException invalid ? invalid.problems() : List.of();
        Response response = ProblemResponses.of(status, failure.type(), title(status), failure.getMessage(), errors,
                extensions(failure));
        if (status == 401 && challenge) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, Challenge.BASIC).build();
        }
        if (failure instanceof TooManyRequestsException tooMany) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds())
                    .build();
        }
        return response;
    }

    static int status(AttestaException failure) {
        if (failure instanceof AuthenticationException) {
            return 401;
        }
        if (failure instanceof AccessDeniedException) {
            return 403;
        }
        if (failure instanceof TooManyRequestsException) {
            return 429;
        }
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
            case 414 -> "Слишком длинный адрес";
            case 415 -> "Формат данных не поддерживается";
            case 422 -> "Данные не прошли проверку";
            case 429 -> "Слишком много попыток";
            case 431 -> "Слишком большие заголовки";
            default -> "Ошибка сервера";
        };
    }
}
