package org.attesta.api.registry;

/** Main day (основной срок) or an additional day (дополнительный срок) for resits. */
public enum ExamDayKind {
    MAIN,
    ADDITIONAL
}
