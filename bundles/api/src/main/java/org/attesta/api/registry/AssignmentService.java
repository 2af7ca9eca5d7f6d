package org.attesta.api.registry;

import java.util.Collection;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/** Which participants sit the interview on which exam day. */
@ProviderType
public interface AssignmentService {

    /** @param schoolCode only participants of this school, or null for all */
    Page<Assignment> assignments(long examDayId, String schoolCode, PageRequest page);

    /**
     * Assigns participants to an exam day; participants already assigned to it stay as they are.
     *
     * @return how many participants were newly assigned
     */
    int assign(long examDayId, Collection<Long> participantIds);

    /**
     * Assigns every participant of a school (or of every school, when null) who has no
     * assignment to an exam day of the same kind and school year yet.
     *
     * @return how many participants were newly assigned
     */
    int assignAll(long examDayId, String schoolCode);

    /** Removes an assignment and the seat that came with it. */
    void unassign(long examDayId, long participantId);
}
