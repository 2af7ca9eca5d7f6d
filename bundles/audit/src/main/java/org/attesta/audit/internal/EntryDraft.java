package org.attesta.audit.internal;

import javax.crypto.Mac;

/**
 * An entry to append, before it has its place in the chain. Every value already fits its
 * column, so that recording never fails on an over-long login typed at the sign-in form.
 */
record EntryDraft(String actor, String actorKind, String address, String action, String outcome,
        String objectType, String objectId, String detail) {

    // The column sizes of audit_entry (changeset 004-audit).
    static final int ACTOR = 100;
    static final int ACTOR_KIND = 30;
    static final int ADDRESS = 64;
    static final int ACTION = 80;
    static final int OUTCOME = 10;
    static final int OBJECT_TYPE = 40;
    static final int OBJECT_ID = 100;

    private static final char CUT = '…';
    private static final char REPLACEMENT = '\uFFFD';

    static EntryDraft of(String actor, String actorKind, String address, String action, String outcome,
            String objectType, String objectId, String detail) {
        return new EntryDraft(fit(actor, ACTOR), fit(actorKind, ACTOR_KIND), fit(address, ADDRESS),
                fit(action, ACTION), fit(outcome, OUTCOME), fit(objectType, OBJECT_TYPE), fit(objectId, OBJECT_ID),
                detail);
    }

    /** This entry as the next link after {@code prevHash}, hashed under the chain key. */
    StoredEntry chain(long sequence, long occurredAt, String prevHash, Mac mac) {
        String hash = ChainHash.keyed(mac, prevHash, sequence, occurredAt, actor, actorKind, address, action, outcome,
                objectType, objectId, detail);
        return new StoredEntry(sequence, occurredAt, actor, actorKind, address, action, outcome, objectType,
                objectId, detail, prevHash, hash, ChainHash.KEYED);
    }

    /**
     * Cuts a value to the column, marking the cut, and replaces control characters: PostgreSQL
     * refuses NUL in text, and a line break in a login would fake a line in the shell's listing.
     */
    static String fit(String value, int length) {
        if (value == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(Math.min(value.length(), length));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            text.append(Character.isISOControl(c) ? REPLACEMENT : c);
        }
        if (text.length() <= length) {
            return text.toString();
        }
        int end = length - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never leave half of a character
        }
        return text.substring(0, end) + CUT;
    }
}
