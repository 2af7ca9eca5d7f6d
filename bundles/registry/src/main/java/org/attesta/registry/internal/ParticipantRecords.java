package org.attesta.registry.internal;

import org.attesta.api.registry.ParticipantCategory;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.registry.internal.entity.ParticipantEntity;

/** Writes a checked draft into a participant row, with the derived keys. */
final class ParticipantRecords {
    private ParticipantRecords() {
    }

    static void fill(ParticipantEntity entity, ParticipantDraft draft, long schoolId, SealedPersonalData sealed,
            int extraMinutes) {
        entity.setSurname(draft.surname());
        entity.setName(draft.name());
        entity.setPatronymic(draft.patronymic());
        entity.setSearchKey(Text.participantSearchKey(draft.surname(), draft.name(), draft.patronymic()));
        entity.setBirthDate(draft.birthDate());
        entity.setSex(ParticipantMapping.sexCode(draft.sex()));
        entity.setDocumentType(draft.document().type().code());
        entity.setDocumentSeries(sealed.seal(draft.document().series()));
        entity.setDocumentNumber(sealed.seal(draft.document().number()));
        entity.setDocumentKey(sealed.documentKey(draft.document()));
        entity.setSnils(sealed.seal(draft.snils()));
        entity.setSnilsKey(sealed.snilsKey(draft.snils()));
        entity.setSchoolId(schoolId);
        entity.setClassName(draft.className());
        entity.setCategory((draft.category() == null ? ParticipantCategory.STUDENT : draft.category()).name());
        entity.setSpecialNeeds(draft.specialNeeds());
        entity.setExtraMinutes(extraMinutes);
        entity.setConsentDate(draft.consentDate());
    }
}
