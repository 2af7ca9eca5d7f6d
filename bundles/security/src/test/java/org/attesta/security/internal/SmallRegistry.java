package org.attesta.security.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.attesta.api.registry.TerritoryDirectory;
import org.attesta.api.registry.Venue;
import org.attesta.api.registry.VenueDraft;

/**
 * Two municipalities with two schools each: the territory the account tests issue accounts for.
 * Schools can be changed as the registry would (a new code, another municipality, a new school).
 */
final class SmallRegistry implements RegistryService, TerritoryDirectory {
    final List<Municipality> municipalities = List.of(new Municipality(1, "01", "Заречный район"),
            new Municipality(2, "02", "Город Озёрск"));
    final List<School> schools = new CopyOnWriteArrayList<>(List.of(
            new School(1, "01001", "МБОУ СОШ № 1", "СОШ № 1", "01", null),
            new School(2, "01002", "МБОУ СОШ № 2", null, "01", null),
            new School(3, "02001", "Лицей № 1", "Лицей", "02", null),
            new School(4, "02002", "Гимназия № 5", "Гимназия", "02", null)));

    /** Replaces the school with the same id (a change of code or municipality), or adds a new one. */
    void put(School school) {
        schools.removeIf(s -> s.id() == school.id());
        schools.add(school);
    }

    @Override
    public Map<Long, School> schoolsById(Collection<Long> ids) {
        return schools.stream().filter(s -> ids.contains(s.id())).collect(Collectors.toMap(School::id, Function.identity()));
    }

    @Override
    public Map<Long, Municipality> municipalitiesById(Collection<Long> ids) {
        return municipalities.stream().filter(m -> ids.contains(m.id()))
                .collect(Collectors.toMap(Municipality::id, Function.identity()));
    }

    @Override
    public Optional<School> schoolByCode(String code) {
        return schools.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    @Override
    public Optional<Municipality> municipalityByCode(String code) {
        return municipalities.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    @Override
    public List<Long> schoolIdsOf(long municipalityId) {
        String code = municipalities.stream().filter(m -> m.id() == municipalityId).map(Municipality::code)
                .findFirst().orElse("");
        return schools.stream().filter(s -> s.municipalityCode().equals(code)).map(School::id).toList();
    }

    @Override
    public List<Municipality> municipalities() {
        return municipalities;
    }

    @Override
    public Municipality municipality(String code) {
        return municipalities.stream().filter(m -> m.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("Нет МОУО " + code));
    }

    @Override
    public Page<School> schools(String text, String municipalityCode, PageRequest page) {
        List<School> found = new ArrayList<>();
        for (School school : schools) {
            if (municipalityCode == null || school.municipalityCode().equals(municipalityCode)) {
                found.add(school);
            }
        }
        return new Page<>(found.subList(Math.min(found.size(), page.offset()),
                Math.min(found.size(), page.offset() + page.size())), found.size());
    }

    @Override
    public School school(String code) {
        return schools.stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("Нет ОО " + code));
    }

    @Override
    public Municipality createMunicipality(MunicipalityDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Municipality updateMunicipality(String code, MunicipalityDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public School createSchool(SchoolDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public School updateSchool(String code, SchoolDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Venue> venues(String schoolCode, String municipalityCode, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Venue venue(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Venue createVenue(VenueDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Auditorium> auditoriums(long venueId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Auditorium createAuditorium(long venueId, AuditoriumDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ExamDay> examDays(String schoolYear) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ExamDay examDay(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ExamDay createExamDay(ExamDayDraft draft) {
        throw new UnsupportedOperationException();
    }
}
