package org.attesta.registry.internal.seating;

import java.time.LocalTime;

import org.attesta.api.registry.Seat;

/**
 * Times of the exam day as minutes since midnight. The planner computes in plain integers so that
 * a slot running past midnight shows up as a number of 1440 or more instead of silently wrapping
 * around as {@link LocalTime#plusMinutes} would.
 */
final class DayTime {

    static final int MINUTES_PER_DAY = 24 * 60;

    private DayTime() {
    }

    static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    /** A time of the same day; callers make sure {@code minutes} is below {@link #MINUTES_PER_DAY}. */
    static LocalTime time(int minutes) {
        return LocalTime.of(minutes / 60, minutes % 60);
    }

    /** Whether an interview ending at {@code endMinutes} still ends on the same day, before 24:00. */
    static boolean endsToday(int endMinutes) {
        return endMinutes < MINUTES_PER_DAY;
    }

    static int startOf(Seat seat) {
        return minutes(seat.start());
    }

    /** The end of a stored seat; an end before the start can only mean it ran into the next day. */
    static int endOf(Seat seat) {
        int end = minutes(seat.end());
        return end < startOf(seat) ? end + MINUTES_PER_DAY : end;
    }
}
