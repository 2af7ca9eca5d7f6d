package org.attesta.rest.internal;

import java.io.InputStream;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.attesta.api.common.Page;
import org.attesta.api.common.UnsupportedFormatException;
import org.attesta.api.registry.ImportJob;
import org.attesta.api.registry.ImportProgress;
import org.attesta.api.registry.ImportRequest;
import org.attesta.api.registry.Participant;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.api.registry.ParticipantImportService;
import org.attesta.api.registry.ParticipantQuery;
import org.attesta.api.registry.ParticipantService;
import org.attesta.api.security.Permission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

@Component(service = ParticipantResource.class, configurationPid = "org.attesta.rest.import")
@Designate(ocd = ParticipantResource.Config.class)
@JaxrsResource
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Path("participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    @ObjectClassDefinition(name = "Attesta REST import")
    public @interface Config {
        @AttributeDefinition(description = "Files larger than this many megabytes are imported in the background "
                + "(202 and a job) unless the request says async=false")
        int background_above_megabytes() default 16;
    }

    private final ParticipantService participants;
    private final ParticipantImportService importer;
    private volatile long backgroundAboveBytes;

    @Activate
    public ParticipantResource(@Reference ParticipantService participants, @Reference ParticipantImportService importer,
            Config config) {
        this.participants = participants;
        this.importer = importer;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        backgroundAboveBytes = config.background_above_megabytes() * 1024L * 1024L;
    }

    /**
     * Participants, optionally of one school or municipality; {@code q} matches the start of the
     * surname or of the full name.
     */
    @GET
    @Requires(Permission.PARTICIPANTS_READ)
    public Page<Participant> list(@QueryParam("q") String q, @QueryParam("school") String school,
            @QueryParam("municipality") String municipality, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return participants.search(new ParticipantQuery(Params.filter(q), Params.filter(school),
                Params.filter(municipality), Params.page(page, size)));
    }

    @GET
    @Path("{id}")
    @Requires(Permission.PARTICIPANTS_READ)
    public Participant get(@PathParam("id") String id) {
        return participants.participant(Params.id("id", id));
    }

    @POST
    @Requires(Permission.PARTICIPANTS_EDIT)
    public Response create(ParticipantDraft draft) {
        Participant created = participants.create(Params.body(draft));
        return Response.status(201).header("Location", "/api/v1/participants/" + created.id()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Requires(Permission.PARTICIPANTS_EDIT)
    public Participant update(@PathParam("id") String id, ParticipantDraft draft) {
        return participants.update(Params.id("id", id), Params.body(draft));
    }

    @DELETE
    @Path("{id}")
    @Requires(Permission.PARTICIPANTS_EDIT)
    public Response delete(@PathParam("id") String id) {
        participants.delete(Params.id("id", id));
        return Response.noContent().build();
    }

    /**
     * Imports a participant file (text/csv by default; installed region formats add others).
     * With any bad row nothing is stored and the answer is 422 listing every bad row, unless
     * {@code storeValidRows=true}, which stores the good rows and lists the rejected ones.
     * With {@code async=true} (or {@code Prefer: respond-async}), and for any file over the
     * configured size unless {@code async=false}, the file is received, verified and queued, and
     * the answer is 202 with the job to follow at /import-jobs/{id}: a long import never holds
     * the request open. The file's
     * SHA-256 may be given as {@code Content-Digest: sha-256=:base64:} or {@code ?sha256=hex};
     * a file that does not match is refused.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    @Requires(Permission.PARTICIPANTS_IMPORT)
    public Response importFile(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Content-Digest") String contentDigest, @HeaderParam("Prefer") String prefer,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @QueryParam("storeValidRows") String storeValidRows, @QueryParam("async") String async,
            @QueryParam("sha256") String sha256, @QueryParam("source") String source, InputStream body) {
        if (contentType == null || contentType.isBlank()) {
            throw new UnsupportedFormatException("Укажите формат файла в заголовке Content-Type, например text/csv");
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        ImportRequest request = new ImportRequest(mediaType, Params.flag("storeValidRows", storeValidRows, false),
                source == null ? "REST" : source, Digests.expectedSha256(contentDigest, sha256));
        boolean large = Params.integerOrZero(contentLength) > backgroundAboveBytes;
        boolean preferAsync = prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async");
        boolean background = Params.flag("async", async, large || preferAsync);
        if (background) {
            ImportJob job = importer.submit(request, body);
            return Response.accepted(job).header("Location", "/api/v1/import-jobs/" + job.id()).build();
        }
        return Response.ok(importer.importParticipants(request, body, ImportProgress.NONE)).build();
    }
}
