package org.attesta.registry.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;
import org.attesta.api.registry.Auditorium;
import org.attesta.api.registry.AuditoriumRole;

@Entity
@Table(name = "auditorium")
public class AuditoriumEntity {
    @Id
    @SequenceGenerator(name = "auditorium_seq", sequenceName = "auditorium_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "auditorium_seq")
    private long id;

    @Column(name = "venue_id", nullable = false)
    private long venueId;

    @Column(nullable = false, length = 20)
    private String number;

    @Column(nullable = false)
    private int capacity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AuditoriumRole role;

    @Version
    private long version;

    public long getId() {
        return id;
    }

    public long getVenueId() {
        return venueId;
    }

    public void setVenueId(long venueId) {
        this.venueId = venueId;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public AuditoriumRole getRole() {
        return role;
    }

    public void setRole(AuditoriumRole role) {
        this.role = role;
    }

    public Auditorium toRecord() {
        return new Auditorium(id, venueId, number, capacity, role);
    }
}
