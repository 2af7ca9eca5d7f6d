package org.attesta.demo.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.attesta.api.common.ConflictException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.Auditorium;
import org.attesta.api.registry.AuditoriumDraft;
import org.attesta.api.registry.ExamDay;
import org.attesta.api.registry.ExamDayDraft;
import org.attesta.api.registry.Municipality;
import org.attesta.api.registry.MunicipalityDraft;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.School;
import org.attesta.api.registry.SchoolDraft;
import org.attesta.api.registry.Venue;
import org.attesta.api.registry.VenueDraft;

/** An in-memory registry that checks the rules the demo data must meet: unique codes, existing parents. */
final class FakeRegistryService implements RegistryService {
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Municipality> municipalities = new LinkedHashMap<>();
    private final Map<String, School> schools = new LinkedHashMap<>();
    private final Map<Long, Venue> venues = new LinkedHashMap<>();
    private final Map<Long, List<Auditorium>> auditoriums = new LinkedHashMap<>();
    private final List<ExamDay> examDays = new ArrayList<>();
    /** How often the loader asked whether the registry is empty. */
    final AtomicInteger municipalityListings = new AtomicInteger();
    /** Makes createSchool fail like a broken database for the schools it matches. */
    Predicate<SchoolDraft> failingSchool = school -> false;

    @Override
    public synchronized List<Municipality> municipalities() {
        municipalityListings.incrementAndGet();
        return List.copyOf(municipalities.values());
    }

    @Override
    public synchronized Municipality municipality(String code) {
        Municipality municipality = municipalities.get(code);
        if (municipality == null) {
            throw new NotFoundException("no municipality " + code);
        }
        return municipality;
    }

    @Override
    public synchronized Municipality createMunicipality(MunicipalityDraft draft) {
        if (municipalities.containsKey(draft.code())) {
            throw new ConflictException("duplicate-municipality", draft.code());
        }
        Municipality municipality = new Municipality(ids.incrementAndGet(), draft.code(), draft.name());
        municipalities.put(draft.code(), municipality);
        return municipality;
    }

    @Override
    public Municipality updateMunicipality(String code, MunicipalityDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Page<School> schools(String text, String municipalityCode, PageRequest page) {
        return page(schools.values().stream()
                .filter(school -> municipalityCode == null || school.municipalityCode().equals(municipalityCode))
                .toList(), page);
    }

    @Override
    public synchronized School school(String code) {
        School school = schools.get(code);
        if (school == null) {
            throw new NotFoundException("no school " + code);
        }
        return school;
    }

    synchronized boolean hasSchool(String code) {
        return schools.containsKey(code);
    }

    @Override
    public synchronized School createSchool(SchoolDraft draft) {
        if (failingSchool.test(draft)) {
            throw new IllegalStateException("database unavailable");
        }
        if (!municipalities.containsKey(draft.municipalityCode())) {
            throw InvalidInputException.rule("unknown-municipality", "municipalityCode", draft.municipalityCode());
        }
        if (schools.containsKey(draft.code())) {
            throw new ConflictException("duplicate-school", draft.code());
        }
        School school = new School(ids.incrementAndGet(), draft.code(), draft.name(), draft.shortName(),
                draft.municipalityCode(), draft.address());
        schools.put(draft.code(), school);
        return school;
    }

    @Override
    public School updateSchool(String code, SchoolDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Page<Venue> venues(String schoolCode, String municipalityCode, PageRequest page) {
        return page(venues.values().stream()
                .filter(venue -> schoolCode == null || schoolCode.equals(venue.schoolCode()))
                .toList(), page);
    }

    synchronized List<Venue> allVenues() {
        return List.copyOf(venues.values());
    }

    @Override
    public synchronized Venue venue(long id) {
        return venues.get(id);
    }

    @Override
    public synchronized Venue createVenue(VenueDraft draft) {
        if (draft.schoolCode() != null && !schools.containsKey(draft.schoolCode())) {
            throw InvalidInputException.rule("unknown-school", "schoolCode", draft.schoolCode());
        }
        if (venues.values().stream().anyMatch(venue -> venue.code().equals(draft.code()))) {
            throw new ConflictException("duplicate-venue", draft.code());
        }
        Venue venue = new Venue(ids.incrementAndGet(), draft.code(), draft.name(), draft.address(), draft.schoolCode());
        venues.put(venue.id(), venue);
        auditoriums.put(venue.id(), new ArrayList<>());
        return venue;
    }

    @Override
    public synchronized List<Auditorium> auditoriums(long venueId) {
        return List.copyOf(auditoriums.get(venueId));
    }

    @Override
    public synchronized Auditorium createAuditorium(long venueId, AuditoriumDraft draft) {
        List<Auditorium> rooms = auditoriums.get(venueId);
        if (rooms == null) {
            throw new NotFoundException("no venue " + venueId);
        }
        if (rooms.stream().anyMatch(room -> room.number().equals(draft.number()))) {
            throw new ConflictException("duplicate-auditorium", draft.number());
        }
        Auditorium auditorium = new Auditorium(ids.incrementAndGet(), venueId, draft.number(), draft.capacity(),
                draft.role());
        rooms.add(auditorium);
        return auditorium;
    }

    @Override
    public synchronized List<ExamDay> examDays(String schoolYear) {
        return examDays.stream().filter(day -> schoolYear == null || day.schoolYear().equals(schoolYear)).toList();
    }

    @Override
    public synchronized ExamDay examDay(long id) {
        return examDays.stream().filter(day -> day.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("no exam day " + id));
    }

    @Override
    public synchronized ExamDay createExamDay(ExamDayDraft draft) {
        if (examDays.stream().anyMatch(day -> day.date().equals(draft.date()))) {
            throw new ConflictException("duplicate-exam-day", draft.date().toString());
        }
        ExamDay day = new ExamDay(ids.incrementAndGet(), draft.date(), draft.kind(), draft.schoolYear());
        examDays.add(day);
        return day;
    }

    static <T> Page<T> page(List<T> all, PageRequest page) {
        int from = Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.size());
        return new Page<>(all.subList(from, to), all.size());
    }
}
