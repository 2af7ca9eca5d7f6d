package org.attesta.registry.internal;

import org.attesta.api.registry.DocumentType;
import org.attesta.api.registry.IdentityDocument;
import org.attesta.api.registry.Participant;
import org.attesta.api.registry.ParticipantCategory;
import org.attesta.api.registry.Sex;
import org.attesta.registry.internal.entity.ParticipantEntity;

/** Between the participant row and the published record. */
public final class ParticipantMapping {
    private ParticipantMapping() {
    }

    public static Participant toRecord(ParticipantEntity p, String schoolCode) {
        return new Participant(p.getId(), p.getSurname(), p.getName(), p.getPatronymic(), p.getBirthDate(),
                sex(p.getSex()), new IdentityDocument(documentType(p.getDocumentType()), p.getDocumentSeries(),
                        p.getDocumentNumber()),
                p.getSnils(), schoolCode, p.getClassName(), ParticipantCategory.valueOf(p.getCategory()),
                p.isSpecialNeeds(), p.getExtraMinutes(), p.getConsentDate());
    }

    public static String sexCode(Sex sex) {
        return sex == Sex.MALE ? "M" : "F";
    }

    static Sex sex(String code) {
        return "M".equals(code) ? Sex.MALE : Sex.FEMALE;
    }

    static DocumentType documentType(int code) {
        for (DocumentType type : DocumentType.values()) {
            if (type.code() == code) {
                return type;
            }
        }
        return DocumentType.OTHER;
    }
}
