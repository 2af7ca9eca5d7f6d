package org.attesta.api.registry;

/** What an auditorium is used for on the exam day. */
public enum AuditoriumRole {
    /** An interview room (аудитория проведения): one participant at a time. */
    INTERVIEW,
    /** A waiting room (аудитория ожидания). */
    WAITING
}
