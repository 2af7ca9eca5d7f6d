package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.crypto.Mac;
import org.attesta.api.audit.ChainVerification;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
    private static final Mac MAC = TestKeys.random().chainKey().mac();
    private static final ChainHead EMPTY = new ChainHead(0, ChainHash.GENESIS);

    @Test
    void anEmptyLogWithAnUntouchedHeadIsIntact() {
        ChainVerification result = ChainVerifier.full(MAC, AnchorSet.NONE).finish(EMPTY, EMPTY);
        assertEquals(new ChainVerification(0, 0, null), result);
    }

    @Test
    void anEmptiedLogNamesTheHeadsLastEntry() {
        ChainHead head = new ChainHead(3, "ab".repeat(32));
        ChainVerification result = ChainVerifier.full(MAC, AnchorSet.NONE).finish(head, head);
        assertEquals(3, result.firstBroken());
        assertTrue(result.reason().contains("журнал пуст"), result.reason());
    }

    @Test
    void entriesAppendedWhileVerifyingAreNotABreak() {
        StoredEntry first = draft().chain(1, 10, ChainHash.GENESIS, MAC);
        ChainVerifier verifier = ChainVerifier.full(MAC, AnchorSet.NONE);
        verifier.accept(first);
        // The head moved on to 2 after the scan passed entry 1: an append, not tampering.
        ChainVerification result = verifier.finish(new ChainHead(1, first.hash()), new ChainHead(2, "cd".repeat(32)));
        assertEquals(new ChainVerification(1, 0, null), result);
    }

    @Test
    void aMissingHeadIsReported() {
        StoredEntry first = draft().chain(1, 10, ChainHash.GENESIS, MAC);
        ChainVerifier verifier = ChainVerifier.full(MAC, AnchorSet.NONE);
        verifier.accept(first);
        ChainVerification result = verifier.finish(null, null);
        assertEquals(1, result.firstBroken());
        assertTrue(result.reason().contains("audit_head"), result.reason());
    }

    @Test
    void anEntryNumberedBelowOneIsNamedAsTheFirst() {
        StoredEntry forged = draft().chain(0, 10, ChainHash.GENESIS, MAC);
        ChainVerifier verifier = ChainVerifier.full(MAC, AnchorSet.NONE);
        verifier.accept(forged);
        ChainVerification result = verifier.finish(EMPTY, EMPTY);
        assertEquals(1, result.firstBroken());
        assertTrue(result.reason().contains("недопустимым номером 0"), result.reason());
    }

    private static EntryDraft draft() {
        return EntryDraft.of("ivanov", "STAFF", null, "x.y", "SUCCESS", null, null, "{\"after\":{},\"before\":{}}");
    }
}
