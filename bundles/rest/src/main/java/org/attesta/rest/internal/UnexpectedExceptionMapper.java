package org.attesta.rest.internal;

import java.util.UUID;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Anything else: 500 with an incident number that is also in the log. The client never sees
 * the exception text, which may carry SQL or personal data.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(AttestaApplication.SELECT)
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {
    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException failure) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure, incident " + incident + ": "
                + failure.getClass().getName(), failure);
        return ProblemResponses.of(500, "server-error", AttestaExceptionMapper.title(500),
                "Внутренняя ошибка сервера. Сообщите администратору номер инцидента " + incident);
    }
}
