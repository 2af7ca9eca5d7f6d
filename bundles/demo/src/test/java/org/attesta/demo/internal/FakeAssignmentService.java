package org.attesta.demo.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.Assignment;
import org.attesta.api.registry.AssignmentService;
import org.attesta.api.registry.Participant;

/** In-memory assignments; remembers the assignAll calls it received. */
final class FakeAssignmentService implements AssignmentService {
    /** An assignAll call: the exam day and the school code (null for all schools). */
    record AssignAllCall(long examDayId, String schoolCode) {
    }

    private final FakeRegistryService registry;
    private final FakeParticipantService participants;
    private final Map<String, Assignment> assignments = new LinkedHashMap<>();
    final List<AssignAllCall> assignAllCalls = new ArrayList<>();

    FakeAssignmentService(FakeRegistryService registry, FakeParticipantService participants) {
        this.registry = registry;
        this.participants = participants;
    }

    @Override
    public synchronized Page<Assignment> assignments(long examDayId, String schoolCode, PageRequest page) {
        return FakeRegistryService.page(onDay(examDayId).stream()
                .filter(a -> schoolCode == null || a.schoolCode().equals(schoolCode))
                .toList(), page);
    }

    synchronized List<Assignment> onDay(long examDayId) {
        return assignments.values().stream().filter(a -> a.examDayId() == examDayId).toList();
    }

    @Override
    public synchronized int assign(long examDayId, Collection<Long> participantIds) {
        int assigned = 0;
        for (long id : participantIds) {
            assigned += add(examDayId, participants.participant(id)) ? 1 : 0;
        }
        return assigned;
    }

    @Override
    public synchronized int assignAll(long examDayId, String schoolCode) {
        registry.examDay(examDayId);
        assignAllCalls.add(new AssignAllCall(examDayId, schoolCode));
        int assigned = 0;
        for (Participant participant : participants.all()) {
            if (schoolCode == null || participant.schoolCode().equals(schoolCode)) {
                assigned += add(examDayId, participant) ? 1 : 0;
            }
        }
        return assigned;
    }

    @Override
    public synchronized void unassign(long examDayId, long participantId) {
        assignments.remove(examDayId + "/" + participantId);
    }

    private boolean add(long examDayId, Participant participant) {
        Assignment assignment = new Assignment(examDayId, participant.id(), participant.fullName(),
                participant.schoolCode());
        return assignments.putIfAbsent(examDayId + "/" + participant.id(), assignment) == null;
    }
}
