package org.attesta.rest.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.attesta.api.common.Page;
import org.attesta.api.registry.Municipality;
import org.attesta.api.registry.MunicipalityDraft;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.security.Permission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

@Component(service = MunicipalityResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Path("municipalities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MunicipalityResource {
    private final RegistryService registry;

    @Activate
    public MunicipalityResource(@Reference RegistryService registry) {
        this.registry = registry;
    }

    /** Every municipality of the region (there are tens, so no paging). */
    @GET
    @Requires(Permission.REGISTRY_READ)
    public Page<Municipality> list() {
        List<Municipality> all = registry.municipalities();
        return new Page<>(all, all.size());
    }

    @GET
    @Path("{code}")
    @Requires(Permission.REGISTRY_READ)
    public Municipality get(@PathParam("code") String code) {
        return registry.municipality(code);
    }

    @POST
    @Requires(Permission.SCHOOLS_EDIT)
    public Response create(MunicipalityDraft draft) {
        Municipality created = registry.createMunicipality(Params.body(draft));
        return Response.status(201).header("Location", "/api/v1/municipalities/" + created.code()).entity(created).build();
    }

    @PUT
    @Path("{code}")
    @Requires(Permission.SCHOOLS_EDIT)
    public Municipality update(@PathParam("code") String code, MunicipalityDraft draft) {
        return registry.updateMunicipality(code, Params.body(draft));
    }
}
