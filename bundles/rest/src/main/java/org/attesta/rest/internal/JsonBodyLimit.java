package org.attesta.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;
import org.attesta.api.common.TooLargeException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * JSON bodies are small (a participant, an account, a login): anything over 1 MiB is refused
 * with 413 before it is read into memory, by its Content-Length or, when it has none, as soon
 * as that much has arrived. Files go to the import, which has its own limit.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class JsonBodyLimit implements ContainerRequestFilter {
    static final long LIMIT = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return;
        }
        if (request.getLength() > LIMIT) {
            request.abortWith(AttestaExceptionMapper.response(tooLarge(), false));
            return;
        }
        request.setEntityStream(new Limited(request.getEntityStream()));
    }

    private static TooLargeException tooLarge() {
        return new TooLargeException("Тело запроса JSON больше 1 МБ: так много данных в одном запросе не бывает. "
                + "Файлы загружайте через /participants/import");
    }

    /** Counts what is read and stops at the limit. */
    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > LIMIT) {
                throw tooLarge();
            }
        }
    }
}
