package org.attesta.demo.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.attesta.api.common.AttestaException;
import org.attesta.api.registry.AssignmentService;
import org.attesta.api.registry.AuditoriumDraft;
import org.attesta.api.registry.ExamDay;
import org.attesta.api.registry.ExamDayDraft;
import org.attesta.api.registry.MunicipalityDraft;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.api.registry.ParticipantService;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.SchoolDraft;
import org.attesta.api.registry.Venue;

/**
 * One load of a demo region into the registry, through the public services, in dependency
 * order. Each object is stored by its own service call, so a failure leaves everything stored
 * before it in place; {@link #stage()} and {@link #progress()} then say how far the load got.
 * A participant the registry rejects is skipped and counted, because one bad row should not
 * cost the demo the other few thousand. One instance serves one load, on one thread.
 */
final class DemoRegionLoad {

    /** What the load is doing, for the log when it fails. */
    enum Stage {
        MUNICIPALITIES("municipalities"),
        SCHOOLS("schools"),
        VENUES("venues"),
        EXAM_DAYS("exam days"),
        PARTICIPANTS("participants"),
        ASSIGNMENT("the assignment to the main day"),
        DONE("nothing more");

        private final String description;

        Stage(String description) {
            this.description = description;
        }

        /** Completes "while loading ...". */
        String description() {
            return description;
        }
    }

    private final RegistryService registry;
    private final ParticipantService participantService;
    private final AssignmentService assignmentService;
    private final BooleanSupplier stopRequested;

    private Stage stage = Stage.MUNICIPALITIES;
    private int municipalities;
    private int schools;
    private int venues;
    private int auditoriums;
    private int examDays;
    private int participants;
    private int assigned;
    /** Rejected participants by the registry's failure type; never the message, which may quote personal data. */
    private final Map<String, Integer> rejectedByType = new TreeMap<>();

    DemoRegionLoad(
            RegistryService registry,
            ParticipantService participantService,
            AssignmentService assignmentService,
            BooleanSupplier stopRequested) {
        this.registry = registry;
        this.participantService = participantService;
        this.assignmentService = assignmentService;
        this.stopRequested = stopRequested;
    }

    /**
     * Stores the region and assigns every participant to its main day.
     *
     * @throws CancellationException when a stop was requested; what was stored stays
     * @throws RuntimeException whatever a service throws outside a single participant
     */
    void run(DemoRegion region) {
        loadTerritory(region);
        stage = Stage.EXAM_DAYS;
        ExamDay mainDay = loadExamDays(region);
        stage = Stage.PARTICIPANTS;
        region.participants().forEach(this::loadParticipant);
        stage = Stage.ASSIGNMENT;
        assigned = assignmentService.assignAll(mainDay.id(), null);
        stage = Stage.DONE;
    }

    Stage stage() {
        return stage;
    }

    int participantsRejected() {
        return rejectedByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** What has been stored so far, in counts only. */
    String progress() {
        String rejected = rejectedByType.isEmpty() ? "" : " (" + participantsRejected() + " rejected: " + rejectedByType + ")";
        return municipalities + " municipalities, " + schools + " schools, " + venues + " venues with " + auditoriums
                + " auditoriums, " + examDays + " exam days, " + participants + " participants" + rejected + ", "
                + assigned + " assigned to the main day";
    }

    private void loadTerritory(DemoRegion region) {
        for (MunicipalityDraft municipality : region.municipalities()) {
            checkNotStopped();
            registry.createMunicipality(municipality);
            municipalities++;
        }
        stage = Stage.SCHOOLS;
        for (SchoolDraft school : region.schools()) {
            checkNotStopped();
            registry.createSchool(school);
            schools++;
        }
        stage = Stage.VENUES;
        region.venues().forEach(this::loadVenue);
    }

    private void loadVenue(DemoVenue demoVenue) {
        checkNotStopped();
        Venue venue = registry.createVenue(demoVenue.venue());
        venues++;
        for (AuditoriumDraft auditorium : demoVenue.auditoriums()) {
            registry.createAuditorium(venue.id(), auditorium);
            auditoriums++;
        }
    }

    /**
     * Creates the exam days the registry does not have yet. An administrator may have entered
     * the year's dates before enabling the demo; those are reused rather than duplicated.
     *
     * @return the main day
     */
    private ExamDay loadExamDays(DemoRegion region) {
        ExamDay mainDay = null;
        for (ExamDayDraft draft : region.examDays()) {
            checkNotStopped();
            ExamDay day = existingDay(draft);
            if (day == null) {
                day = registry.createExamDay(draft);
                examDays++;
            }
            if (draft.equals(region.mainDay())) {
                mainDay = day;
            }
        }
        return mainDay;
    }

    private ExamDay existingDay(ExamDayDraft draft) {
        return registry.examDays(draft.schoolYear()).stream()
                .filter(day -> day.date().equals(draft.date()) && day.kind() == draft.kind())
                .findFirst()
                .orElse(null);
    }

    private void loadParticipant(ParticipantDraft draft) {
        checkNotStopped();
        try {
            participantService.create(draft);
            participants++;
        } catch (AttestaException rejected) {
            rejectedByType.merge(rejected.type(), 1, Integer::sum);
        }
    }

    private void checkNotStopped() {
        if (stopRequested.getAsBoolean()) {
            throw new CancellationException("demo region load stopped");
        }
    }
}
