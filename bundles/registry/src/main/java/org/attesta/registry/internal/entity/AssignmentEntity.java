package org.attesta.registry.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity
@Table(name = "assignment")
@IdClass(EntityKey.class)
public class AssignmentEntity {
    @Id
    @Column(name = "exam_day_id")
    private long examDayId;

    @Id
    @Column(name = "participant_id")
    private long participantId;

    protected AssignmentEntity() {
    }

    public AssignmentEntity(long examDayId, long participantId) {
        this.examDayId = examDayId;
        this.participantId = participantId;
    }

    public long getExamDayId() {
        return examDayId;
    }

    public long getParticipantId() {
        return participantId;
    }
}
