package org.attesta.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.attesta.api.registry.AuditoriumDraft;
import org.attesta.api.registry.AuditoriumRole;
import org.attesta.api.registry.ExamDayDraft;
import org.attesta.api.registry.ExamDayKind;
import org.attesta.api.registry.MunicipalityDraft;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.api.registry.SchoolDraft;
import org.attesta.api.registry.VenueDraft;
import org.attesta.demo.internal.DemoTerritory.MunicipalityTemplate;
import org.attesta.demo.internal.SchoolPlanner.PlannedSchool;

/**
 * Generates a fictional region for demonstrations: municipalities, schools with their venues and
 * auditoriums, 9th-grade participants and the exam days of 2025/26. The output depends on the
 * seed and the participant count only, so the same configuration always yields the same region.
 * Generating is pure: nothing is stored, and one generator may generate any number of times.
 */
public final class DemoRegionGenerator {

    public static final String SCHOOL_YEAR = "2025/26";
    public static final LocalDate MAIN_DAY = LocalDate.of(2026, 2, 11);
    public static final List<ExamDayDraft> EXAM_DAYS = List.of(
            new ExamDayDraft(MAIN_DAY, ExamDayKind.MAIN, SCHOOL_YEAR),
            new ExamDayDraft(LocalDate.of(2026, 3, 11), ExamDayKind.ADDITIONAL, SCHOOL_YEAR),
            new ExamDayDraft(LocalDate.of(2026, 4, 20), ExamDayKind.ADDITIONAL, SCHOOL_YEAR));

    /** More would need more schools than a region of this shape plausibly has. */
    public static final int MAX_PARTICIPANTS = 100_000;

    /** The number of schools follows from this average, so that ~3,000 participants give ~30 schools. */
    static final int AVERAGE_SCHOOL_SIZE = 100;
    static final int MIN_SCHOOL_SIZE = 40;
    static final int MAX_SCHOOL_SIZE = 200;

    /**
     * One interview room per this many participants, between the limits below: at about 20
     * minutes a participant (15 plus the changeover), 20 participants fill a room from 09:00 to
     * about 15:40, as the schools plan it.
     */
    private static final int PARTICIPANTS_PER_INTERVIEW_ROOM = 20;
    static final int MIN_INTERVIEW_ROOMS = 2;
    static final int MAX_INTERVIEW_ROOMS = 12;
    private static final int MAX_CLASS_SIZE = 28;
    private static final String CLASS_LETTERS = "АБВГДЕЖИКЛМН";

    private final long seed;
    private final int participantCount;

    /**
     * @param participantCount how many participants to generate, 0 to {@link #MAX_PARTICIPANTS}
     * @throws IllegalArgumentException when the count is out of range
     */
    public DemoRegionGenerator(long seed, int participantCount) {
        if (participantCount < 0 || participantCount > MAX_PARTICIPANTS) {
            throw new IllegalArgumentException(
                    "participant count must be 0 to " + MAX_PARTICIPANTS + ", not " + participantCount);
        }
        this.seed = seed;
        this.participantCount = participantCount;
    }

    public DemoRegion generate() {
        Random random = new Random(seed);
        List<MunicipalityTemplate> templates = DemoTerritory.MUNICIPALITIES;
        int schoolCount = Math.max(templates.size(), Math.round(participantCount / (float) AVERAGE_SCHOOL_SIZE));
        List<PlannedSchool> planned = new SchoolPlanner(random).plan(templates, schoolCount);
        int[] sizes = schoolSizes(planned, random);
        List<SchoolDraft> schools = planned.stream().map(PlannedSchool::school).toList();
        return new DemoRegion(
                municipalities(templates),
                schools,
                venues(schools, sizes, random),
                participants(schools, sizes, random),
                EXAM_DAYS);
    }

    private static List<MunicipalityDraft> municipalities(List<MunicipalityTemplate> templates) {
        return templates.stream().map(template -> new MunicipalityDraft(template.code(), template.name())).toList();
    }

    /** Sizes by the schools' weights, then confined to the usual range where the count allows it. */
    private int[] schoolSizes(List<PlannedSchool> schools, Random random) {
        double[] weights = schools.stream().mapToDouble(PlannedSchool::weight).toArray();
        int[] sizes = Apportionment.proportional(participantCount, weights);
        int min = Math.min(MIN_SCHOOL_SIZE, participantCount / schools.size());
        int max = Math.max(MAX_SCHOOL_SIZE, ceilDiv(participantCount, schools.size()));
        Apportionment.confine(sizes, min, max, random);
        return sizes;
    }

    private static List<DemoVenue> venues(List<SchoolDraft> schools, int[] sizes, Random random) {
        List<DemoVenue> venues = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            venues.add(venue(schools.get(i), sizes[i], random));
        }
        return venues;
    }

    /** The school itself is the venue, as usual for the interview. */
    private static DemoVenue venue(SchoolDraft school, int participants, Random random) {
        int interviewRooms = Math.max(MIN_INTERVIEW_ROOMS,
                Math.min(MAX_INTERVIEW_ROOMS, ceilDiv(participants, PARTICIPANTS_PER_INTERVIEW_ROOM)));
        List<String> numbers = new ArrayList<>(roomNumbers(interviewRooms + 1, random));
        String waitingRoom = numbers.remove(random.nextInt(numbers.size()));
        List<AuditoriumDraft> auditoriums = new ArrayList<>();
        for (String number : numbers) {
            auditoriums.add(new AuditoriumDraft(number, 1 + random.nextInt(2), AuditoriumRole.INTERVIEW));
        }
        auditoriums.add(new AuditoriumDraft(waitingRoom, 25 + random.nextInt(6), AuditoriumRole.WAITING));
        VenueDraft venue = new VenueDraft(school.code(), school.name(), school.address(), school.code());
        return new DemoVenue(venue, auditoriums);
    }

    /** Distinct room numbers such as 101 or 205: floor, then the room on that floor. */
    private static TreeSet<String> roomNumbers(int count, Random random) {
        TreeSet<String> numbers = new TreeSet<>();
        while (numbers.size() < count) {
            numbers.add(String.format("%d%02d", 1 + random.nextInt(3), 1 + random.nextInt(25)));
        }
        return numbers;
    }

    private static List<ParticipantDraft> participants(List<SchoolDraft> schools, int[] sizes, Random random) {
        ParticipantFactory factory = new ParticipantFactory(random, MAIN_DAY);
        List<ParticipantDraft> participants = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            int classes = Math.max(1, ceilDiv(sizes[i], MAX_CLASS_SIZE));
            for (int p = 0; p < sizes[i]; p++) {
                // Consecutive participants share a class, so each class is listed in one piece.
                String className = "9" + CLASS_LETTERS.charAt(p * classes / sizes[i]);
                participants.add(factory.participant(schools.get(i).code(), className));
            }
        }
        return participants;
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
