package org.attesta.registry.internal.seating;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.attesta.api.registry.Seat;

/**
 * The seats of one room, kept sorted by start. A seat keeps its room busy from its start until
 * its end plus the changeover, so two seats clash when these busy intervals overlap.
 */
final class RoomSchedule {

    private final Room room;
    private final int changeoverMinutes;
    private final List<Seat> seats = new ArrayList<>();

    RoomSchedule(Room room, int changeoverMinutes) {
        this.room = room;
        this.changeoverMinutes = changeoverMinutes;
    }

    Room room() {
        return room;
    }

    List<Seat> seats() {
        return Collections.unmodifiableList(seats);
    }

    /**
     * The earliest start not before {@code notBefore} at which an interview of
     * {@code durationMinutes} plus the changeover fits: in a gap before a seat if it fits whole,
     * otherwise after the last seat. The result may lie past midnight; the caller decides.
     */
    int earliestStart(int notBefore, int durationMinutes) {
        int candidate = notBefore;
        for (Seat seat : seats) {
            if (candidate + durationMinutes + changeoverMinutes <= DayTime.startOf(seat)) {
                return candidate;
            }
            candidate = Math.max(candidate, busyUntil(seat));
        }
        return candidate;
    }

    /** The earliest seat whose busy interval overlaps the interval {@code [start, end + changeover)}. */
    Optional<Seat> firstClash(int start, int end) {
        return seats.stream()
                .filter(seat -> start < busyUntil(seat) && DayTime.startOf(seat) < end + changeoverMinutes)
                .findFirst();
    }

    void add(Seat seat) {
        int at = 0;
        while (at < seats.size() && DayTime.startOf(seats.get(at)) <= DayTime.startOf(seat)) {
            at++;
        }
        seats.add(at, seat);
    }

    private int busyUntil(Seat seat) {
        return DayTime.endOf(seat) + changeoverMinutes;
    }
}
