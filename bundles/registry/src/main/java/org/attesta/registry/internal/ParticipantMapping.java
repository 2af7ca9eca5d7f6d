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

    /** The record with the document and СНИЛС opened (they are stored sealed). */
    public static Participant toRecord(ParticipantEntity p, String schoolCode, SealedPersonalData sealed) {
        return new Participant(p.getId(), p.getSurname(), p.getName(), p.getPatronymic(), p.getBirthDate(),
                sex(p.getSex()), new IdentityDocument(documentType(p.getDocumentType()),
                        sealed.open(p.getDocumentSeries()), sealed.open(p.getDocumentNumber())),
                sealed.open(p.getSnils()), schoolCode, p.getClassName(), ParticipantCategory.valueOf(p.getCategory()),
                p.isSpecialNeeds(), p.getExtraMinutes(), p.getConsentDate());
    }

    /** Surname, name and patronymic, without opening anything. */
    public static String fullName(ParticipantEntity p) {
        return p.getPatronymic() == null || p.getPatronymic().isBlank() ? p.getSurname() + " " + p.getName()
                : p.getSurname() + " " + p.getName() + " " + p.getPatronymic();
    }

    public static String sexCode(Sex sex) {
        return sex == Sex.MALE ? "M" : "F";
    }

    static Sex sex(String code) {
        return "M".equals(code) ? Sex.MALE : Sex.FEMALE;
    }

    public static DocumentType documentType(int code) {
        for (DocumentType type : DocumentType.values()) {
            if (type.code() == code) {
                return type;
            }
        }
        return DocumentType.OTHER;
    }
}
