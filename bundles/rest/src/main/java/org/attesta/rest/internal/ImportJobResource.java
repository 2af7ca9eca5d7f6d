package org.attesta.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.attesta.api.registry.ImportJob;
import org.attesta.api.registry.ParticipantImportService;
import org.attesta.api.security.Permission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Background imports: state, progress (rows and bytes read) and, when finished, the report. */
@Component(service = ImportJobResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Path("import-jobs")
@Produces(MediaType.APPLICATION_JSON)
public class ImportJobResource {
    private final ParticipantImportService importer;

    @Activate
    public ImportJobResource(@Reference ParticipantImportService importer) {
        this.importer = importer;
    }

    @GET
    @Path("{id}")
    @Requires(Permission.PARTICIPANTS_IMPORT)
    public ImportJob get(@PathParam("id") String id) {
        return importer.job(id);
    }
}
