package org.attesta.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import org.attesta.api.security.Permission;
import org.junit.jupiter.api.Test;

/** Every REST operation says who may call it, exactly once; only signing in and the API description are public. */
class OperationDeclarationsTest {
    private static final List<Class<?>> RESOURCES = List.of(AccountResource.class, AuditResource.class,
            AuthResource.class, ExamDayResource.class, ImportJobResource.class, MunicipalityResource.class,
            OpenApiResource.class, ParticipantResource.class, SchoolResource.class, VenueResource.class);

    @Test
    void everyOperationDeclaresExactlyOneAccessRule() {
        List<String> undeclared = new ArrayList<>();
        List<String> publicOnes = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                if (!isOperation(method)) {
                    continue;
                }
                int rules = (method.isAnnotationPresent(Requires.class) ? 1 : 0)
                        + (method.isAnnotationPresent(PublicEndpoint.class) ? 1 : 0)
                        + (method.isAnnotationPresent(SignedIn.class) ? 1 : 0);
                if (rules != 1) {
                    undeclared.add(resource.getSimpleName() + "." + method.getName());
                }
                if (method.isAnnotationPresent(PublicEndpoint.class)) {
                    publicOnes.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(undeclared.isEmpty(), "operations without exactly one access rule: " + undeclared);
        assertEquals(List.of("AuthResource.login", "AuthResource.token", "OpenApiResource.get"),
                publicOnes.stream().sorted().toList());
    }

    @Test
    void theAuditLogIsReadWithItsOwnPermission() throws Exception {
        assertEquals(Permission.AUDIT_READ, AuditResource.class.getMethod("verify").getAnnotation(Requires.class)
                .value());
    }

    private static boolean isOperation(Method method) {
        return method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(DELETE.class);
    }
}
