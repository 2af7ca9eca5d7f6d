package org.attesta.api.audit;

import java.time.Instant;

/**
 * The result of checking the whole chain, and the signed anchors kept outside the database.
 *
 * @param entries how many entries were checked
 * @param firstBroken the sequence number of the first entry that was forged, changed, removed or
 *        inserted (or that a forged anchor claims), or 0 when all match
 * @param reason what is wrong with that entry, or null
 * @param anchors how many anchor lines were checked (genuine or not); 0 when the file has none
 * @param anchoredSequence the last entry a genuine anchor vouches for, or 0
 * @param anchoredAt when that anchor was written, or null
 * @since 1.1
 */
public record ChainVerification(long entries, long firstBroken, String reason, int anchors, long anchoredSequence,
        Instant anchoredAt) {

    /** A result that says nothing about anchors, as before 1.1. */
    public ChainVerification(long entries, long firstBroken, String reason) {
        this(entries, firstBroken, reason, 0, 0, null);
    }

    public boolean intact() {
        return firstBroken == 0;
    }
}
