package org.attesta.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.attesta.api.common.Page;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.School;
import org.attesta.api.registry.SchoolDraft;
import org.attesta.api.security.Permission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

@Component(service = SchoolResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Path("schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchoolResource {
    private final RegistryService registry;

    @Activate
    public SchoolResource(@Reference RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @Requires(Permission.REGISTRY_READ)
    public Page<School> list(@QueryParam("q") String q, @QueryParam("municipality") String municipality,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return registry.schools(Params.filter(q), Params.filter(municipality), Params.page(page, size));
    }

    @GET
    @Path("{code}")
    @Requires(Permission.REGISTRY_READ)
    public School get(@PathParam("code") String code) {
        return registry.school(code);
    }

    @POST
    @Requires(Permission.SCHOOLS_EDIT)
    public Response create(SchoolDraft draft) {
        School created = registry.createSchool(Params.body(draft));
        return Response.status(201).header("Location", "/api/v1/schools/" + created.code()).entity(created).build();
    }

    @PUT
    @Path("{code}")
    @Requires(Permission.SCHOOLS_EDIT)
    public School update(@PathParam("code") String code, SchoolDraft draft) {
        return registry.updateSchool(code, Params.body(draft));
    }
}
