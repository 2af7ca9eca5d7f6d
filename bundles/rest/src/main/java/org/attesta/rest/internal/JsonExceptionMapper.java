package org.attesta.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.attesta.api.common.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/** A body that is not JSON, or JSON of the wrong shape: 400 naming the field. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(AttestaApplication.SELECT)
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException failure) {
        String field = failure instanceof JsonMappingException mapping ? path(mapping) : "";
        String detail = detail(failure, field);
        return ProblemResponses.of(400, "invalid-json", AttestaExceptionMapper.title(400), detail,
                List.of(new Problem(0, field, detail)), Map.of());
    }

    static String detail(JsonProcessingException failure, String field) {
        if (failure instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return "Неизвестное поле «" + unknown.getPropertyName() + "». Допустимые поля: " + known;
        }
        if (failure instanceof InvalidFormatException invalid) {
            return "Поле «" + field + "»: недопустимое значение «" + invalid.getValue() + "»"
                    + expected(invalid.getTargetType());
        }
        if (failure instanceof MismatchedInputException mismatched) {
            return "Поле «" + field + "»: неверный тип значения" + expected(mismatched.getTargetType());
        }
        if (failure instanceof JsonMappingException) {
            return "Поле «" + field + "»: значение не подходит";
        }
        long line = failure.getLocation() == null ? 0 : failure.getLocation().getLineNr();
        return "Тело запроса — не JSON (ошибка в строке " + line + ")";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return "; допустимо: " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == java.time.LocalDate.class) {
            return "; ожидается дата ГГГГ-ММ-ДД";
        }
        if (type == java.time.LocalTime.class) {
            return "; ожидается время ЧЧ:ММ";
        }
        return "; ожидается " + type.getSimpleName();
    }

    private static String path(JsonMappingException failure) {
        return failure.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
