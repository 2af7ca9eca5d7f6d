package org.attesta.demo.internal;

import java.util.List;
import org.attesta.api.registry.ExamDayDraft;
import org.attesta.api.registry.ExamDayKind;
import org.attesta.api.registry.MunicipalityDraft;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.api.registry.SchoolDraft;

/**
 * A generated demo region as plain data, in the order it has to be loaded: municipalities
 * before their schools, schools before their venues and participants.
 */
public record DemoRegion(
        List<MunicipalityDraft> municipalities,
        List<SchoolDraft> schools,
        List<DemoVenue> venues,
        List<ParticipantDraft> participants,
        List<ExamDayDraft> examDays) {

    public DemoRegion {
        municipalities = List.copyOf(municipalities);
        schools = List.copyOf(schools);
        venues = List.copyOf(venues);
        participants = List.copyOf(participants);
        examDays = List.copyOf(examDays);
    }

    /** The main exam day; the generator always produces exactly one. */
    public ExamDayDraft mainDay() {
        return examDays.stream()
                .filter(day -> day.kind() == ExamDayKind.MAIN)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo region has no main exam day"));
    }

    /** How many auditoriums all venues have together. */
    public int auditoriumCount() {
        return venues.stream().mapToInt(venue -> venue.auditoriums().size()).sum();
    }
}
