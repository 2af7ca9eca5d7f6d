package org.attesta.registry.internal.entity;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A participant row. Besides what a person enters it keeps derived keys: {@code searchKey}
 * for prefix search and {@code documentKey}/{@code snilsKey} for duplicate detection.
 */
@Entity
@Table(name = "participant")
public class ParticipantEntity {
    @Id
    @SequenceGenerator(name = "participant_seq", sequenceName = "participant_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "participant_seq")
    private long id;

    @Column(nullable = false, length = 80)
    private String surname;

    @Column(nullable = false, length = 80)
    private String name;

    @Column(length = 80)
    private String patronymic;

    @Column(name = "search_key", nullable = false, length = 250)
    private String searchKey;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Column(nullable = false, length = 1)
    private String sex;

    @Column(name = "document_type", nullable = false)
    private int documentType;

    @Column(name = "document_series", length = 120)
    private String documentSeries;

    @Column(name = "document_number", nullable = false, length = 120)
    private String documentNumber;

    @Column(name = "document_key", nullable = false, length = 64)
    private String documentKey;

    /** Sealed with the data key (see SealedPersonalData), like the document's series and number. */
    @Column(length = 120)
    private String snils;

    /** A keyed hash of the СНИЛС's digits: equal for equal numbers, unreadable otherwise. */
    @Column(name = "snils_key", length = 64)
    private String snilsKey;

    @Column(name = "school_id", nullable = false)
    private long schoolId;

    @Column(name = "class_name", nullable = false, length = 10)
    private String className;

    @Column(nullable = false, length = 20)
    private String category;

    @Column(name = "special_needs", nullable = false)
    private boolean specialNeeds;

    @Column(name = "extra_minutes", nullable = false)
    private int extraMinutes;

    @Column(name = "consent_date")
    private LocalDate consentDate;

    @Version
    private long version;

    public long getId() {
        return id;
    }

    public String getSurname() {
        return surname;
    }

    public void setSurname(String surname) {
        this.surname = surname;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPatronymic() {
        return patronymic;
    }

    public void setPatronymic(String patronymic) {
        this.patronymic = patronymic;
    }

    public String getSearchKey() {
        return searchKey;
    }

    public void setSearchKey(String searchKey) {
        this.searchKey = searchKey;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
    }

    public int getDocumentType() {
        return documentType;
    }

    public void setDocumentType(int documentType) {
        this.documentType = documentType;
    }

    public String getDocumentSeries() {
        return documentSeries;
    }

    public void setDocumentSeries(String documentSeries) {
        this.documentSeries = documentSeries;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
        this.documentNumber = documentNumber;
    }

    public String getDocumentKey() {
        return documentKey;
    }

    public void setDocumentKey(String documentKey) {
        this.documentKey = documentKey;
    }

    public String getSnils() {
        return snils;
    }

    public void setSnils(String snils) {
        this.snils = snils;
    }

    public String getSnilsKey() {
        return snilsKey;
    }

    public void setSnilsKey(String snilsKey) {
        this.snilsKey = snilsKey;
    }

    public long getSchoolId() {
        return schoolId;
    }

    public void setSchoolId(long schoolId) {
        this.schoolId = schoolId;
    }

    public String getClassName() {
        return className;
    }

    public void setClassName(String className) {
        this.className = className;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public boolean isSpecialNeeds() {
        return specialNeeds;
    }

    public void setSpecialNeeds(boolean specialNeeds) {
        this.specialNeeds = specialNeeds;
    }

    public int getExtraMinutes() {
        return extraMinutes;
    }

    public void setExtraMinutes(int extraMinutes) {
        this.extraMinutes = extraMinutes;
    }

    public LocalDate getConsentDate() {
        return consentDate;
    }

    public void setConsentDate(LocalDate consentDate) {
        this.consentDate = consentDate;
    }
}
