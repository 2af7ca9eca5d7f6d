package org.attesta.registry.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;
import org.attesta.api.registry.Municipality;

@Entity
@Table(name = "municipality")
public class MunicipalityEntity {
    @Id
    @SequenceGenerator(name = "municipality_seq", sequenceName = "municipality_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "municipality_seq")
    private long id;

    @Column(nullable = false, length = 20)
    private String code;

    @Column(nullable = false, length = 300)
    private String name;

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

    public Municipality toRecord() {
        return new Municipality(id, code, name);
    }
}
