package org.attesta.registry.internal.seating;

import java.util.Comparator;
import java.util.Objects;

/**
 * An interview room (аудитория проведения) the planner may fill; waiting rooms never get here.
 *
 * @param number the number on the door, used for the order people expect ("2" before "10")
 */
public record Room(long auditoriumId, String number) {

    /** By number in natural order, then by id so that equal numbers still sort the same way. */
    public static final Comparator<Room> ORDER =
            Comparator.comparing(Room::number, NaturalOrder.INSTANCE).thenComparingLong(Room::auditoriumId);

    public Room {
        Objects.requireNonNull(number, "number");
        if (number.isBlank()) {
            throw new IllegalArgumentException("room number is blank for auditorium " + auditoriumId);
        }
    }
}
