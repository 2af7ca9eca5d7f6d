package org.attesta.api.audit;

/**
 * The result of checking the whole chain.
 *
 * @param entries how many entries were checked
 * @param firstBroken the sequence number of the first entry whose hash does not match, or 0 when all match
 * @param reason what is wrong with that entry, or null
 */
public record ChainVerification(long entries, long firstBroken, String reason) {

    public boolean intact() {
        return firstBroken == 0;
    }
}
