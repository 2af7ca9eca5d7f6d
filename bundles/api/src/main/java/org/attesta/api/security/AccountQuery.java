package org.attesta.api.security;

import org.attesta.api.common.PageRequest;

/**
 * An account search.
 *
 * @param text matches the start of the login or of any word of the display name, or null
 * @param municipalityCode only accounts bound to this municipality or its schools, or null
 * @param schoolCode only accounts bound to this school, or null
 * @param role only accounts holding this role, or null
 * @param credentialsPending only accounts whose initial password has (true) or has not (false) been handed over, or null
 */
public record AccountQuery(String text, String municipalityCode, String schoolCode, Role role,
        Boolean credentialsPending, PageRequest page) {
}
