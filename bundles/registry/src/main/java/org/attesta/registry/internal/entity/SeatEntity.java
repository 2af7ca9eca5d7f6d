package org.attesta.registry.internal.entity;

import java.time.LocalTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity
@Table(name = "seat")
@IdClass(EntityKey.class)
public class SeatEntity {
    @Id
    @Column(name = "exam_day_id")
    private long examDayId;

    @Id
    @Column(name = "participant_id")
    private long participantId;

    @Column(name = "auditorium_id", nullable = false)
    private long auditoriumId;

    @Column(name = "start_time", nullable = false)
    private LocalTime start;

    @Column(name = "end_time", nullable = false)
    private LocalTime end;

    @Column(nullable = false)
    private boolean manual;

    protected SeatEntity() {
    }

    public SeatEntity(long examDayId, long participantId, long auditoriumId, LocalTime start, LocalTime end,
            boolean manual) {
        this.examDayId = examDayId;
        this.participantId = participantId;
        this.auditoriumId = auditoriumId;
        this.start = start;
        this.end = end;
        this.manual = manual;
    }

    public long getExamDayId() {
        return examDayId;
    }

    public long getParticipantId() {
        return participantId;
    }

    public long getAuditoriumId() {
        return auditoriumId;
    }

    public LocalTime getStart() {
        return start;
    }

    public LocalTime getEnd() {
        return end;
    }

    public boolean isManual() {
        return manual;
    }
}
