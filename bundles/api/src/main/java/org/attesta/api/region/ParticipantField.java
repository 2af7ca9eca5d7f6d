package org.attesta.api.region;

import java.util.List;

/** The fields of a participant row in an import, with the column headers regional exports use. */
public enum ParticipantField {
    SURNAME(true, "Фамилия", "surname"),
    NAME(true, "Имя", "name"),
    PATRONYMIC(false, "Отчество", "patronymic"),
    BIRTH_DATE(true, "Дата рождения", "birth_date"),
    SEX(true, "Пол", "sex"),
    DOCUMENT_TYPE(true, "Тип документа", "document_type"),
    DOCUMENT_SERIES(false, "Серия", "document_series"),
    DOCUMENT_NUMBER(true, "Номер", "document_number"),
    SNILS(false, "СНИЛС", "snils"),
    SCHOOL_CODE(true, "Код ОО", "school_code"),
    CLASS(true, "Класс", "class"),
    SPECIAL_NEEDS(false, "ОВЗ", "special_needs");

    private final boolean required;
    private final List<String> headers;

    ParticipantField(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    /** Whether a file without this column cannot be imported. */
    public boolean required() {
        return required;
    }

    /** The Russian header first, then the English one. */
    public List<String> headers() {
        return headers;
    }

    /** The Russian header, for messages. */
    public String title() {
        return headers.get(0);
    }
}
