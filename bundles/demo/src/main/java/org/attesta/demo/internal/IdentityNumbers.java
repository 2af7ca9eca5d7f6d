package org.attesta.demo.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.attesta.api.registry.DocumentType;
import org.attesta.api.registry.IdentityDocument;
import org.attesta.api.registry.Snils;

/**
 * Makes identity documents and СНИЛС numbers that are well-formed and unique within one
 * generated region. One instance serves one generation run.
 */
final class IdentityNumbers {

    /** The first two digits of a passport series are the issuing region's code; the demo uses one. */
    private static final String PASSPORT_REGION = "61";

    /** Passports are issued at 14. */
    static final int PASSPORT_AGE = 14;

    /** Roman numerals that open birth-certificate series (they encode the issuing region). */
    private static final List<String> CERTIFICATE_NUMERALS = List.of("I", "II", "III", "IV", "V", "VI", "VIII", "IX");

    private static final String CERTIFICATE_LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ";

    /** СНИЛС numbers at or below 001-001-998 carry no checksum; demo numbers stay well above. */
    private static final int SNILS_LOWEST = 100_000_000;

    private final Random random;
    private final LocalDate referenceDate;
    private final Set<String> usedDocuments = new HashSet<>();
    private final Set<String> usedSnils = new HashSet<>();

    IdentityNumbers(Random random, LocalDate referenceDate) {
        this.random = random;
        this.referenceDate = referenceDate;
    }

    /** A passport issued in the year the holder turned 14 or the year after, never after the reference date. */
    IdentityDocument passport(LocalDate birthDate) {
        int issueYear = birthDate.getYear() + PASSPORT_AGE + random.nextInt(2);
        if (issueYear > referenceDate.getYear() - 1) {
            // Keeps passports out of the reference year unless the holder only turned 14 in it.
            issueYear = Math.max(birthDate.getYear() + PASSPORT_AGE, referenceDate.getYear() - 1);
        }
        String series = PASSPORT_REGION + String.format("%02d", issueYear % 100);
        return unique(DocumentType.PASSPORT_RF, series);
    }

    /** A birth certificate with a series such as {@code IV-МЮ}. */
    IdentityDocument birthCertificate() {
        String series = pick(CERTIFICATE_NUMERALS) + "-" + letter() + letter();
        return unique(DocumentType.BIRTH_CERTIFICATE, series);
    }

    /** A СНИЛС with a valid checksum, unique in this run, written {@code 123-456-789 01}. */
    String snils() {
        Snils snils;
        do {
            snils = Snils.withChecksum(String.valueOf(SNILS_LOWEST + random.nextInt(1_000_000_000 - SNILS_LOWEST)));
        } while (!usedSnils.add(snils.digits()));
        return snils.formatted();
    }

    private IdentityDocument unique(DocumentType type, String series) {
        IdentityDocument document;
        do {
            document = new IdentityDocument(type, series, String.format("%06d", random.nextInt(1_000_000)));
        } while (!usedDocuments.add(type + " " + document.series() + " " + document.number()));
        return document;
    }

    private char letter() {
        return CERTIFICATE_LETTERS.charAt(random.nextInt(CERTIFICATE_LETTERS.length()));
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
