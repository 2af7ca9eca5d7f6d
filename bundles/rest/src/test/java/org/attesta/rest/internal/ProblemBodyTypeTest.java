package org.attesta.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.Response;
import org.attesta.api.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * A problem is written as one JSON document whatever the operation returns. CXF serialises a
 * mapped exception's entity with the operation's generic return type when the entity is an
 * instance of its declared return type (InjectionUtils.getGenericResponseType); this test picks
 * the type the same way.
 */
class ProblemBodyTypeTest {
    private static final List<Class<?>> RESOURCES = List.of(AccountResource.class, AuditResource.class,
            AuthResource.class, ExamDayResource.class, ImportJobResource.class, MunicipalityResource.class,
            OpenApiResource.class, ParticipantResource.class, SchoolResource.class, VenueResource.class);

    private final JacksonJsonProvider json = new JacksonJsonProvider(AttestaApplication.objectMapper());

    @Test
    void everyOperationWritesAProblemAsOneProblemDocument() throws Exception {
        Response problem = AttestaExceptionMapper.response(new InvalidInputException("page", "не число"), false);
        List<String> broken = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                if (isOperation(method) && !writesOneProblem(method, problem.getEntity())) {
                    broken.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(broken.isEmpty(), "operations whose problem body is not one problem document: " + broken);
    }

    private boolean writesOneProblem(Method method, Object entity) {
        Class<?> raw = entity.getClass();
        Type generic = method.getReturnType().isAssignableFrom(raw) ? method.getGenericReturnType() : raw;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            json.writeTo(entity, raw, generic, new Annotation[0], MediaType.valueOf(ProblemResponses.MEDIA_TYPE),
                    new MultivaluedHashMap<>(), out);
            JsonNode body = new ObjectMapper().readTree(out.toByteArray());
            return body.path("status").asInt() == 400
                    && body.path("type").asText().equals("urn:attesta:problem:invalid-input");
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    @Test
    void theProblemDocumentIsWrittenAsItsMembers() throws Exception {
        Object entity = AttestaExceptionMapper.response(new InvalidInputException("page", "не число"), false)
                .getEntity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.writeTo(entity, entity.getClass(), entity.getClass(), new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        JsonNode body = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("Неверный запрос", body.path("title").asText());
        assertEquals("page", body.path("errors").path(0).path("column").asText());
    }

    private static boolean isOperation(Method method) {
        return method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(DELETE.class);
    }
}
