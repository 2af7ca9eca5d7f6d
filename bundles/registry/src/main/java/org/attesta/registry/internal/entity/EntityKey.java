package org.attesta.registry.internal.entity;

import java.io.Serializable;
import java.util.Objects;

/**
 * The composite key (exam day, participant) of assignments and seats. A plain class, not a
 * record: EclipseLink sets id-class fields reflectively, which final record fields forbid.
 */
public class EntityKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private long examDayId;
    private long participantId;

    public EntityKey() {
    }

    public EntityKey(long examDayId, long participantId) {
        this.examDayId = examDayId;
        this.participantId = participantId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntityKey key && key.examDayId == examDayId && key.participantId == participantId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(examDayId, participantId);
    }
}
