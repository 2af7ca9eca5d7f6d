package org.attesta.api.registry;

import java.time.LocalDate;

/**
 * A participant of the final interview as the registry holds it.
 *
 * @param patronymic may be null: not everyone has one
 * @param snils the СНИЛС in the form {@code 123-456-789 01}, or null when not given
 * @param className the class as the school writes it, for example {@code 9А}
 * @param specialNeeds whether the participant has special educational needs (ОВЗ)
 * @param extraMinutes extra minutes for the interview granted for special needs, 0 otherwise
 * @param consentDate the date the personal-data consent was signed, or null when not yet recorded
 */
public record Participant(
        long id,
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
        int extraMinutes,
        LocalDate consentDate) {

    /** Surname, name and patronymic as one string. */
    public String fullName() {
        return patronymic == null || patronymic.isBlank()
                ? surname + " " + name
                : surname + " " + name + " " + patronymic;
    }
}
