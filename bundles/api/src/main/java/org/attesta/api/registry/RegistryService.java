package org.attesta.api.registry;

import java.util.List;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The territory and the places of the exam: municipalities, schools, venues with their
 * auditoriums, and exam days. Objects are looked up by the business key a person types
 * (municipality and school codes) wherever one exists.
 */
@ProviderType
public interface RegistryService {

    List<Municipality> municipalities();

    /** @throws org.attesta.api.common.NotFoundException when no municipality has this code */
    Municipality municipality(String code);

    Municipality createMunicipality(MunicipalityDraft draft);

    Municipality updateMunicipality(String code, MunicipalityDraft draft);

    /**
     * @param text matches the start of the code or any word of the name, or null
     * @param municipalityCode only schools of this municipality, or null
     */
    Page<School> schools(String text, String municipalityCode, PageRequest page);

    School school(String code);

    School createSchool(SchoolDraft draft);

    School updateSchool(String code, SchoolDraft draft);

    Page<Venue> venues(String schoolCode, String municipalityCode, PageRequest page);

    Venue venue(long id);

    Venue createVenue(VenueDraft draft);

    List<Auditorium> auditoriums(long venueId);

    Auditorium createAuditorium(long venueId, AuditoriumDraft draft);

    /** @param schoolYear only days of this school year ({@code 2025/26}), or null for all */
    List<ExamDay> examDays(String schoolYear);

    ExamDay examDay(long id);

    ExamDay createExamDay(ExamDayDraft draft);
}
