package org.attesta.api.registry;

/** A participant assigned to sit the interview on an exam day. */
public record Assignment(long examDayId, long participantId, String participantName, String schoolCode) {
}
