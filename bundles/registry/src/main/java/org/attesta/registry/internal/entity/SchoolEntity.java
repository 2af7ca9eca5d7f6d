package org.attesta.registry.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;
import org.attesta.api.registry.School;

/** A school; the municipality is kept as its key so reads never cascade into other tables. */
@Entity
@Table(name = "school")
public class SchoolEntity {
    @Id
    @SequenceGenerator(name = "school_seq", sequenceName = "school_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_seq")
    private long id;

    @Column(nullable = false, length = 20)
    private String code;

    @Column(nullable = false, length = 500)
    private String name;

    @Column(name = "short_name", length = 200)
    private String shortName;

    @Column(name = "municipality_id", nullable = false)
    private long municipalityId;

    @Column(length = 500)
    private String address;

    @Version
    private long version;

    public long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getShortName() {
        return shortName;
    }

    public void setShortName(String shortName) {
        this.shortName = shortName;
    }

    public long getMunicipalityId() {
        return municipalityId;
    }

    public void setMunicipalityId(long municipalityId) {
        this.municipalityId = municipalityId;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public School toRecord(String municipalityCode) {
        return new School(id, code, name, shortName, municipalityCode, address);
    }
}
