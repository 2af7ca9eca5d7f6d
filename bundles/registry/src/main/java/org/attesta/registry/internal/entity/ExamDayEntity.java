package org.attesta.registry.internal.entity;

import java.time.LocalDate;
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
import org.attesta.api.registry.ExamDay;
import org.attesta.api.registry.ExamDayKind;

@Entity
@Table(name = "exam_day")
public class ExamDayEntity {
    @Id
    @SequenceGenerator(name = "exam_day_seq", sequenceName = "exam_day_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exam_day_seq")
    private long id;

    @Column(name = "exam_date", nullable = false)
    private LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ExamDayKind kind;

    @Column(name = "school_year", nullable = false, length = 7)
    private String schoolYear;

    @Version
    private long version;

    public long getId() {
        return id;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public ExamDayKind getKind() {
        return kind;
    }

    public void setKind(ExamDayKind kind) {
        this.kind = kind;
    }

    public String getSchoolYear() {
        return schoolYear;
    }

    public void setSchoolYear(String schoolYear) {
        this.schoolYear = schoolYear;
    }

    public ExamDay toRecord() {
        return new ExamDay(id, date, kind, schoolYear);
    }
}
