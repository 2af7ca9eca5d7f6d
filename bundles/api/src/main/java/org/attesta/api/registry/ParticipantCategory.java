package org.attesta.api.registry;

/** Who a participant is, for the rules that differ by category. */
public enum ParticipantCategory {
    /** A pupil of the school in the current year. */
    STUDENT("Обучающийся"),
    /** An external candidate (экстерн). */
    EXTERNAL("Экстерн");

    private final String title;

    ParticipantCategory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
