package org.attesta.rest.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.attesta.api.common.Page;
import org.attesta.api.registry.Auditorium;
import org.attesta.api.registry.AuditoriumDraft;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.Venue;
import org.attesta.api.registry.VenueDraft;
import org.attesta.api.security.Permission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

@Component(service = VenueResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Path("venues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VenueResource {
    private final RegistryService registry;

    @Activate
    public VenueResource(@Reference RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @Requires(Permission.REGISTRY_READ)
    public Page<Venue> list(@QueryParam("school") String school, @QueryParam("municipality") String municipality,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return registry.venues(Params.filter(school), Params.filter(municipality), Params.page(page, size));
    }

    @GET
    @Path("{id}")
    @Requires(Permission.REGISTRY_READ)
    public Venue get(@PathParam("id") String id) {
        return registry.venue(Params.id("id", id));
    }

    @POST
    @Requires(Permission.VENUES_EDIT)
    public Response create(VenueDraft draft) {
        Venue created = registry.createVenue(Params.body(draft));
        return Response.status(201).header("Location", "/api/v1/venues/" + created.id()).entity(created).build();
    }

    @GET
    @Path("{id}/auditoriums")
    @Requires(Permission.REGISTRY_READ)
    public Page<Auditorium> auditoriums(@PathParam("id") String id) {
        List<Auditorium> all = registry.auditoriums(Params.id("id", id));
        return new Page<>(all, all.size());
    }

    @POST
    @Path("{id}/auditoriums")
    @Requires(Permission.VENUES_EDIT)
    public Response createAuditorium(@PathParam("id") String id, AuditoriumDraft draft) {
        Auditorium created = registry.createAuditorium(Params.id("id", id), Params.body(draft));
        return Response.status(201).entity(created).build();
    }
}
