package org.attesta.api.registry;

import org.attesta.api.common.PageRequest;

/**
 * A participant search.
 *
 * @param text matches the start of the surname, or of "surname name patronymic"; case does
 *     not matter, ё and е are the same letter; null or blank matches everyone
 * @param schoolCode only participants of this school, or null
 * @param municipalityCode only participants of schools of this municipality, or null
 */
public record ParticipantQuery(String text, String schoolCode, String municipalityCode, PageRequest page) {

    public static ParticipantQuery all(PageRequest page) {
        return new ParticipantQuery(null, null, null, page);
    }
}
