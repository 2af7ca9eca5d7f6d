package org.attesta.api.registry;

import java.time.LocalDate;

/**
 * A day on which the interview is held.
 *
 * @param schoolYear the school year, written {@code 2025/26}
 */
public record ExamDay(long id, LocalDate date, ExamDayKind kind, String schoolYear) {
}
