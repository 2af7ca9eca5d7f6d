package org.attesta.rest.internal;

import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Page;
import org.attesta.api.registry.Assignment;
import org.attesta.api.registry.AssignmentService;
import org.attesta.api.registry.ExamDay;
import org.attesta.api.registry.ExamDayDraft;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.SeatMove;
import org.attesta.api.registry.Seating;
import org.attesta.api.registry.SeatingOptions;
import org.attesta.api.registry.SeatingService;
import org.attesta.api.security.Permission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

@Component(service = ExamDayResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Path("exam-days")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExamDayResource {
    private final RegistryService registry;
    private final AssignmentService assignments;
    private final SeatingService seating;

    @Activate
    public ExamDayResource(@Reference RegistryService registry, @Reference AssignmentService assignments,
            @Reference SeatingService seating) {
        this.registry = registry;
        this.assignments = assignments;
        this.seating = seating;
    }

    @GET
    @Requires(Permission.REGISTRY_READ)
    public Page<ExamDay> list(@QueryParam("year") String schoolYear) {
        List<ExamDay> days = registry.examDays(Params.filter(schoolYear));
        return new Page<>(days, days.size());
    }

    @GET
    @Path("{id}")
    @Requires(Permission.REGISTRY_READ)
    public ExamDay get(@PathParam("id") String id) {
        return registry.examDay(Params.id("id", id));
    }

    @POST
    @Requires(Permission.EXAM_DAYS_EDIT)
    public Response create(ExamDayDraft draft) {
        ExamDay created = registry.createExamDay(Params.body(draft));
        return Response.status(201).header("Location", "/api/v1/exam-days/" + created.id()).entity(created).build();
    }

    @GET
    @Path("{id}/assignments")
    @Requires(Permission.REGISTRY_READ)
    public Page<Assignment> assignments(@PathParam("id") String id, @QueryParam("school") String school,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return assignments.assignments(Params.id("id", id), Params.filter(school), Params.page(page, size));
    }

    /**
     * Assigns participants: {@code {"participantIds": [1, 2]}} for chosen ones, or
     * {@code {"school": "CODE"}} / {@code {"allSchools": true}} for everyone not yet assigned to
     * a day of the same kind and year.
     */
    @POST
    @Path("{id}/assignments")
    @Requires(Permission.SEATING_EDIT)
    public Map<String, Integer> assign(@PathParam("id") String id, AssignmentRequest request) {
        long day = Params.id("id", id);
        AssignmentRequest body = Params.body(request);
        int added;
        if (body.participantIds() != null && !body.participantIds().isEmpty()) {
            added = assignments.assign(day, body.participantIds());
        } else if (body.school() != null && !body.school().isBlank()) {
            added = assignments.assignAll(day, body.school());
        } else if (Boolean.TRUE.equals(body.allSchools())) {
            added = assignments.assignAll(day, null);
        } else {
            throw new InvalidInputException("participantIds",
                    "Укажите participantIds, school или allSchools: true — кого назначить на день");
        }
        return Map.of("assigned", added);
    }

    @DELETE
    @Path("{id}/assignments/{participantId}")
    @Requires(Permission.SEATING_EDIT)
    public Response unassign(@PathParam("id") String id, @PathParam("participantId") String participantId) {
        assignments.unassign(Params.id("id", id), Params.id("participantId", participantId));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/seating")
    @Requires(Permission.REGISTRY_READ)
    public Seating seating(@PathParam("id") String id, @QueryParam("school") String school) {
        return seating.seating(Params.id("id", id), requiredSchool(school));
    }

    /** Computes the seating; seats moved by hand stay unless {@code keepManual=false}. */
    @POST
    @Path("{id}/seating")
    @Requires(Permission.SEATING_EDIT)
    public Seating computeSeating(@PathParam("id") String id, @QueryParam("school") String school,
            @QueryParam("keepManual") String keepManual) {
        return seating.compute(Params.id("id", id), requiredSchool(school),
                new SeatingOptions(Params.flag("keepManual", keepManual, true)));
    }

    /** Moves one participant to another auditorium or time; the seat becomes manual. */
    @PUT
    @Path("{id}/seating/{participantId}")
    @Requires(Permission.SEATING_EDIT)
    public Seating move(@PathParam("id") String id, @PathParam("participantId") String participantId,
            SeatMoveRequest request) {
        SeatMoveRequest body = Params.body(request);
        if (body.auditoriumId() == null || body.start() == null) {
            throw new InvalidInputException("auditoriumId", "Укажите auditoriumId и start (ЧЧ:ММ)");
        }
        return seating.move(Params.id("id", id),
                new SeatMove(Params.id("participantId", participantId), body.auditoriumId(), body.start()));
    }

    private static String requiredSchool(String school) {
        String code = Params.filter(school);
        if (code == null) {
            throw new InvalidInputException("school", "Укажите код ОО: ?school=КОД");
        }
        return code;
    }

    /** Body of POST /exam-days/{id}/assignments. */
    public record AssignmentRequest(List<Long> participantIds, String school, Boolean allSchools) {
    }

    /** Body of PUT /exam-days/{id}/seating/{participantId}. */
    public record SeatMoveRequest(Long auditoriumId, java.time.LocalTime start) {
    }
}
