package org.attesta.registry.internal.imports;

import java.time.LocalDate;

/** A validated row ready to be written: document and СНИЛС sealed, with their keyed duplicate keys. */
record NewParticipant(
        long line,
        String surname,
        String name,
        String patronymic,
        String searchKey,
        LocalDate birthDate,
        String sex,
        int documentType,
        String documentSeries,
        String documentNumber,
        String documentKey,
        String snils,
        String snilsKey,
        long schoolId,
        String className,
        String category,
        boolean specialNeeds,
        int extraMinutes) {

    ParticipantWriter.StoredFields fields() {
        return new ParticipantWriter.StoredFields(surname, name, patronymic, birthDate, sex, schoolId, className,
                specialNeeds, snilsKey);
    }
}
