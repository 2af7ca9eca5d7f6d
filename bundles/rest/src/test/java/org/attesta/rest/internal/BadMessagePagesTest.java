package org.attesta.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

class BadMessagePagesTest {

    @Test
    void aRequestJettyRefusesIsAnsweredWithAProblemDocument() throws Exception {
        for (int status : new int[] {400, 414, 431}) {
            HttpFields fields = new HttpFields();
            ByteBuffer page = new BadMessagePages.ProblemErrorHandler().badMessageError(status, "Bad Request", fields);
            byte[] bytes = new byte[page.remaining()];
            page.get(bytes);
            JsonNode problem = new ObjectMapper().readTree(bytes);

            assertEquals(status, problem.get("status").asInt());
            assertTrue(problem.get("type").asText().startsWith("urn:attesta:problem:"), problem.toString());
            assertTrue(fields.get("Content-Type").startsWith("application/problem+json"));
            assertEquals("no-store", fields.get("Cache-Control"));
            assertEquals("nosniff", fields.get("X-Content-Type-Options"));
        }
    }

    @Test
    void itInstallsItsErrorHandlerInTheServer() {
        Server server = new Server();
        new BadMessagePages().install(server);
        assertTrue(server.getErrorHandler() instanceof BadMessagePages.ProblemErrorHandler);
    }
}
