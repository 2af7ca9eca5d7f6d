package org.attesta.registry.internal;

import org.attesta.api.registry.IdentityDocument;
import org.attesta.api.registry.Participant;

/**
 * Document numbers and СНИЛС shown only by their last characters, for lists and for roles
 * that do not need them: enough to tell two people apart on a screen, not enough to use.
 */
public final class Masking {
    private static final String HIDDEN = "•";

    private Masking() {
    }

    /** A document series as lists show it: hidden whole. */
    public static String series(String value) {
        return value == null ? null : HIDDEN.repeat(value.length());
    }

    public static Participant mask(Participant p) {
        IdentityDocument document = p.document() == null ? null
                : new IdentityDocument(p.document().type(), p.document().series() == null ? null
                        : HIDDEN.repeat(p.document().series().length()), tail(p.document().number(), 2));
        return new Participant(p.id(), p.surname(), p.name(), p.patronymic(), p.birthDate(), p.sex(), document,
                p.snils() == null ? null : "•••-•••-••• " + p.snils().substring(Math.max(0, p.snils().length() - 2)),
                p.schoolCode(), p.className(), p.category(), p.specialNeeds(), p.extraMinutes(), p.consentDate());
    }

    /** All but the last {@code visible} characters hidden; null for null. */
    public static String tail(String value, int visible) {
        if (value == null) {
            return null;
        }
        if (value.length() <= visible) {
            return HIDDEN.repeat(value.length());
        }
        return HIDDEN.repeat(value.length() - visible) + value.substring(value.length() - visible);
    }
}
