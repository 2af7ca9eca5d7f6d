package org.attesta.rest.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The one JAX-RS application of Attesta, at /api/v1. Resources and extensions select it by
 * name. It brings its own JSON provider because the Aries Jackson extension binds only to
 * the default application.
 */
@Component(service = Application.class)
@JaxrsApplicationBase("api/v1")
@JaxrsName(AttestaApplication.NAME)
public class AttestaApplication extends Application {
    public static final String NAME = "attesta";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";

    private final JacksonJsonProvider json = new JacksonJsonProvider(objectMapper());

    @Override
    public Set<Object> getSingletons() {
        return Set.of(json);
    }

    /** Strict on input (an unknown field is an error, not silently dropped); ISO dates and HH:MM times out. */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule().addSerializer(LocalTime.class,
                        new LocalTimeSerializer(DateTimeFormatter.ofPattern("HH:mm"))))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }
}
