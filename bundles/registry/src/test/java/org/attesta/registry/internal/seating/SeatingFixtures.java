package org.attesta.registry.internal.seating;

import java.time.LocalTime;
import java.util.List;

import org.attesta.api.registry.Seat;

/** Builders and a readable rendering of seats shared by the seating tests. */
final class SeatingFixtures {

    private SeatingFixtures() {
    }

    /** A regular participant of class 9А; the sort key follows the name. */
    static Candidate pupil(long id, String name) {
        return Candidate.regular(id, name, "9А " + name);
    }

    /** An ОВЗ participant of class 9А with {@code extra} minutes on top of the slot. */
    static Candidate ovz(long id, String name, int extra) {
        return Candidate.withSpecialNeeds(id, name, extra, "9А " + name);
    }

    static Room room(long id, String number) {
        return new Room(id, number);
    }

    static LocalTime at(String hhmm) {
        return LocalTime.parse(hhmm);
    }

    static Seat seat(Candidate who, Room room, String start, String end, boolean manual) {
        return new Seat(who.participantId(), who.name(), who.specialNeeds(), room.auditoriumId(), room.number(),
                at(start), at(end), manual);
    }

    /**
     * One line per seat, e.g. {@code "101 09:00-09:15 Иванов Иван ОВЗ вручную"}, so that a whole
     * seating can be compared at once and a failure shows what differs.
     */
    static List<String> describe(List<Seat> seats) {
        return seats.stream().map(SeatingFixtures::describe).toList();
    }

    static String describe(Seat seat) {
        return seat.auditoriumNumber() + " " + seat.start() + "-" + seat.end() + " " + seat.participantName()
                + (seat.specialNeeds() ? " ОВЗ" : "") + (seat.manual() ? " вручную" : "");
    }
}
