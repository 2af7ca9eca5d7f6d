package org.attesta.api.registry;

import java.time.LocalDate;

/**
 * What a caller supplies to create or change a participant. The registry validates it:
 * required fields, the СНИЛС checksum, an existing school, no duplicate document or СНИЛС.
 *
 * @param category null means {@link ParticipantCategory#STUDENT}
 * @param extraMinutes null means the configured default for special needs (or 0 without them)
 */
public record ParticipantDraft(
        String surname,
        String name,
        String patronymic,
        LocalDate birthDate,
        Sex sex,
        IdentityDocument document,
        String snils,
        String schoolCode,
        String className,
        ParticipantCategory category,
        boolean specialNeeds,
        Integer extraMinutes,
        LocalDate consentDate) {
}
