package org.attesta.api.registry;

import java.time.LocalDate;

/** @param schoolYear null means the school year the date falls in */
public record ExamDayDraft(LocalDate date, ExamDayKind kind, String schoolYear) {
}
