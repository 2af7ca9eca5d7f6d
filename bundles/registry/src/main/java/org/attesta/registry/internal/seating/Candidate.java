package org.attesta.registry.internal.seating;

import java.util.Comparator;
import java.util.Objects;

/**
 * A participant to be seated.
 *
 * @param name the name shown on the seating (usually "Surname Name")
 * @param specialNeeds whether the participant has special needs (ОВЗ) and gets extra time
 * @param extraMinutes the extra time of an ОВЗ participant; ignored when {@code specialNeeds} is
 *     false, so a stale value left in the data cannot lengthen a regular slot
 * @param sortKey what people expect the order to follow, e.g. class, surname and name
 *     ("9А Иванов Иван"); compared in {@link NaturalOrder}; {@code null} means the name
 */
public record Candidate(long participantId, String name, boolean specialNeeds, int extraMinutes, String sortKey) {

    /** The most extra time accepted; more is a data error, not a real ОВЗ allowance. */
    public static final int MAX_EXTRA_MINUTES = 24 * 60;

    /** Order of planning: by sort key, then by id for participants with the same key. */
    public static final Comparator<Candidate> ORDER =
            Comparator.comparing(Candidate::sortKey, NaturalOrder.INSTANCE).thenComparingLong(Candidate::participantId);

    public Candidate {
        Objects.requireNonNull(name, "name");
        if (extraMinutes < 0 || extraMinutes > MAX_EXTRA_MINUTES) {
            throw new IllegalArgumentException("extraMinutes out of range for participant " + participantId
                    + ": " + extraMinutes);
        }
        sortKey = sortKey == null ? name : sortKey;
    }

    /** A participant without special needs. */
    public static Candidate regular(long participantId, String name, String sortKey) {
        return new Candidate(participantId, name, false, 0, sortKey);
    }

    /** A participant with special needs (ОВЗ) who gets {@code extraMinutes} on top of the slot. */
    public static Candidate withSpecialNeeds(long participantId, String name, int extraMinutes, String sortKey) {
        return new Candidate(participantId, name, true, extraMinutes, sortKey);
    }

    /** Length of this participant's interview, without the changeover that follows it. */
    public int durationMinutes(PlannerSettings settings) {
        return settings.slotMinutes() + (specialNeeds ? extraMinutes : 0);
    }
}
