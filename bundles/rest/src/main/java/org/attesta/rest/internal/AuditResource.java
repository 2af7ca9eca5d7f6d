package org.attesta.rest.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.attesta.api.audit.AuditEntry;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.audit.AuditOutcome;
import org.attesta.api.audit.AuditQuery;
import org.attesta.api.audit.ChainVerification;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Page;
import org.attesta.api.security.Permission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The audit log, for the region: search newest first, and verify the hash chain. */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog audit;

    @Activate
    public AuditResource(@Reference AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Entries, newest first. {@code action} is exact, or a prefix when it ends with a dot
     * ({@code account.}); {@code from} and {@code to} are ISO-8601 instants.
     */
    @GET
    @Requires(Permission.AUDIT_READ)
    public Page<AuditEntry> search(@QueryParam("actor") String actor, @QueryParam("objectType") String objectType,
            @QueryParam("objectId") String objectId, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return audit.search(new AuditQuery(Params.filter(actor), Params.filter(objectType), Params.filter(objectId),
                Params.filter(action), outcome(outcome), instant("from", from), instant("to", to),
                Params.page(page, size)));
    }

    /**
     * Re-computes the keyed chain, checks it against the signed anchors and names the first
     * forged entry; the answer also says which entry the last genuine anchor vouches for.
     */
    @GET
    @Path("verify")
    @Requires(Permission.AUDIT_READ)
    public ChainVerification verify() {
        return audit.verify();
    }

    private static AuditOutcome outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("outcome", "Исход: SUCCESS, DENIED или FAILED, а не «" + value + "»");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "Время «" + value + "» не в формате ISO-8601, например "
                    + "2026-02-11T09:00:00Z");
        }
    }
}
