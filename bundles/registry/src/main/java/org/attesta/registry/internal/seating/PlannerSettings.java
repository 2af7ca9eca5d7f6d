package org.attesta.registry.internal.seating;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import org.attesta.api.common.InvalidInputException;

/**
 * Timing of an exam day.
 *
 * @param start when the first interview in every room begins, in local time; seconds are dropped
 *     because the seating works in whole minutes
 * @param slotMinutes length of one regular interview
 * @param changeoverMinutes gap between two consecutive participants in a room
 */
public record PlannerSettings(LocalTime start, int slotMinutes, int changeoverMinutes) {

    public static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
    public static final int DEFAULT_SLOT_MINUTES = 15;
    public static final int DEFAULT_CHANGEOVER_MINUTES = 5;
    public static final int MIN_SLOT_MINUTES = 5;
    public static final int MAX_SLOT_MINUTES = 120;
    public static final int MAX_CHANGEOVER_MINUTES = 60;

    public PlannerSettings {
        if (start == null) {
            throw new InvalidInputException("start", "Не указано время начала собеседования");
        }
        if (slotMinutes < MIN_SLOT_MINUTES || slotMinutes > MAX_SLOT_MINUTES) {
            throw new InvalidInputException("slotMinutes", "Длительность собеседования должна быть от "
                    + MIN_SLOT_MINUTES + " до " + MAX_SLOT_MINUTES + " минут, указано " + slotMinutes);
        }
        if (changeoverMinutes < 0 || changeoverMinutes > MAX_CHANGEOVER_MINUTES) {
            throw new InvalidInputException("changeoverMinutes", "Перерыв между участниками должен быть от 0 до "
                    + MAX_CHANGEOVER_MINUTES + " минут, указано " + changeoverMinutes);
        }
        start = start.truncatedTo(ChronoUnit.MINUTES);
    }

    /** 09:00, 15-minute slots, 5 minutes between participants. */
    public static PlannerSettings defaults() {
        return new PlannerSettings(DEFAULT_START, DEFAULT_SLOT_MINUTES, DEFAULT_CHANGEOVER_MINUTES);
    }
}
