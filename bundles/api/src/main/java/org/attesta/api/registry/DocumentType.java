package org.attesta.api.registry;

/** Kinds of identity document, with the codes of the federal document-type classifier. */
public enum DocumentType {
    PASSPORT_RF(1, "Паспорт гражданина РФ"),
    BIRTH_CERTIFICATE(3, "Свидетельство о рождении"),
    FOREIGN_PASSPORT(9, "Паспорт иностранного гражданина"),
    RESIDENCE_PERMIT(12, "Вид на жительство"),
    OTHER(15, "Иной документ");

    private final int code;
    private final String title;

    DocumentType(int code, String title) {
        this.code = code;
        this.title = title;
    }

    public int code() {
        return code;
    }

    /** The name a person reads, in Russian. */
    public String title() {
        return title;
    }
}
