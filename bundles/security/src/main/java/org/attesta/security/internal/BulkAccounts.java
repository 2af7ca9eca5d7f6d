package org.attesta.security.internal;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.attesta.api.security.Role;

/**
 * Logins and display names of the accounts issued for every municipality and school:
 * {@code mo-<code>} for the МОУО specialist, {@code <school code>-head|-org|-tech} for the school
 * roles. Codes are kept readable, so a person can tell from a login whose it is.
 */
final class BulkAccounts {
    static final Set<Role> ROLES = Set.of(Role.MUNICIPAL_SPECIALIST, Role.SCHOOL_HEAD, Role.RESPONSIBLE_ORGANIZER,
            Role.TECHNICAL_SPECIALIST);
    private static final Map<Role, String> SCHOOL_SUFFIX = new EnumMap<>(Map.of(Role.SCHOOL_HEAD, "head",
            Role.RESPONSIBLE_ORGANIZER, "org", Role.TECHNICAL_SPECIALIST, "tech"));

    private final ResourceBundle titles = ResourceBundle.getBundle("org.attesta.security.internal.titles",
            Locale.forLanguageTag("ru"), BulkAccounts.class.getClassLoader());

    static String municipalityLogin(String municipalityCode) {
        return "mo-" + slug(municipalityCode);
    }

    static String schoolLogin(String schoolCode, Role role) {
        return "oo-" + slug(schoolCode) + "-" + SCHOOL_SUFFIX.get(role);
    }

    String displayName(Role role, String placeName) {
        return new MessageFormat(titles.getString(role.name()), Locale.forLanguageTag("ru"))
                .format(new Object[] {placeName});
    }

    /** Lower-case latin letters and digits; anything else becomes a dash. */
    static String slug(String code) {
        String slug = code.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "x" : slug;
    }
}
