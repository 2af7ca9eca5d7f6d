package org.attesta.demo.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.attesta.api.registry.IdentityDocument;
import org.attesta.api.registry.ParticipantCategory;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.api.registry.Sex;

/**
 * Makes random but plausible 9th-graders of the 2025/26 school year. One instance serves one
 * generation run, because documents and СНИЛС numbers must be unique within the run.
 */
final class ParticipantFactory {

    /**
     * Pupils of the 9th grade in 2025/26 started school in 2017 and were born from September 2009
     * to August 2011, which makes them 14 to 16 years old on the main day.
     */
    static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(2009, 9, 1);
    static final LocalDate YOUNGEST_BIRTH_DATE = LocalDate.of(2011, 8, 31);

    /** Consents come with the application, from the end of the holidays to two weeks before the main day. */
    static final LocalDate FIRST_CONSENT_DATE = LocalDate.of(2026, 1, 12);
    static final LocalDate LAST_CONSENT_DATE = LocalDate.of(2026, 1, 28);

    /** Extra interview time for participants with special needs (ОВЗ). */
    static final int SPECIAL_NEEDS_EXTRA_MINUTES = 30;

    private static final double WITHOUT_PATRONYMIC = 0.01;
    /**
     * Share of 14-year-olds still listed with their birth certificate: schools register pupils in
     * autumn, and the record of a pupil who turned 14 since then often still holds the certificate.
     * Older pupils always have a passport, the only valid identity document from 14 on.
     */
    private static final double FOURTEEN_WITH_BIRTH_CERTIFICATE = 0.10;
    private static final double WITH_SNILS = 0.90;
    private static final double WITH_SPECIAL_NEEDS = 0.03;
    private static final double EXTERNAL = 0.01;
    private static final double WITH_CONSENT = 0.97;
    private static final double ADJECTIVAL_SURNAME = 0.08;
    private static final double INVARIABLE_SURNAME = 0.08;

    private final Random random;
    private final LocalDate referenceDate;
    private final IdentityNumbers identities;

    /** @param referenceDate the main exam day, on which ages are counted */
    ParticipantFactory(Random random, LocalDate referenceDate) {
        this.random = random;
        this.referenceDate = referenceDate;
        this.identities = new IdentityNumbers(random, referenceDate);
    }

    ParticipantDraft participant(String schoolCode, String className) {
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        LocalDate birthDate = birthDate();
        boolean specialNeeds = chance(WITH_SPECIAL_NEEDS);
        return new ParticipantDraft(
                RussianNames.surnameFor(maleSurname(), sex),
                pick(sex == Sex.MALE ? RussianNames.MALE_NAMES : RussianNames.FEMALE_NAMES),
                chance(WITHOUT_PATRONYMIC) ? null : pick(RussianNames.FATHER_NAMES).patronymicFor(sex),
                birthDate,
                sex,
                document(birthDate),
                chance(WITH_SNILS) ? identities.snils() : null,
                schoolCode,
                className,
                chance(EXTERNAL) ? ParticipantCategory.EXTERNAL : ParticipantCategory.STUDENT,
                specialNeeds,
                specialNeeds ? SPECIAL_NEEDS_EXTRA_MINUTES : 0,
                chance(WITH_CONSENT) ? consentDate() : null);
    }

    private String maleSurname() {
        double kind = random.nextDouble();
        if (kind < ADJECTIVAL_SURNAME) {
            return pick(RussianNames.ADJECTIVAL_SURNAMES);
        }
        if (kind < ADJECTIVAL_SURNAME + INVARIABLE_SURNAME) {
            return pick(RussianNames.INVARIABLE_SURNAMES);
        }
        return pick(RussianNames.POSSESSIVE_SURNAMES);
    }

    private IdentityDocument document(LocalDate birthDate) {
        boolean fourteen = Period.between(birthDate, referenceDate).getYears() == IdentityNumbers.PASSPORT_AGE;
        return fourteen && chance(FOURTEEN_WITH_BIRTH_CERTIFICATE)
                ? identities.birthCertificate()
                : identities.passport(birthDate);
    }

    private LocalDate birthDate() {
        return randomDay(OLDEST_BIRTH_DATE, YOUNGEST_BIRTH_DATE);
    }

    /** A working day, as schools take applications on working days. */
    private LocalDate consentDate() {
        LocalDate day;
        do {
            day = randomDay(FIRST_CONSENT_DATE, LAST_CONSENT_DATE);
        } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
        return day;
    }

    private LocalDate randomDay(LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        return first.plusDays(random.nextInt((int) days));
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
