package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorSetTest {
    private final AuditKeys keys = TestKeys.random();

    @Test
    void theTimerContinuesFromTheLastGenuineAnchorAndVerifyReportsTheOthers() {
        Anchor first = anchor(3);
        Anchor second = anchor(7);
        String forged = anchor(9).json().replace("\"sequence\":9", "\"sequence\":12");
        List<String> lines = List.of(first.json(), second.json(), "", forged, "not json");

        assertEquals(second, AnchorSet.lastOf(lines, keys.verifyingKey()));
        AnchorSet all = AnchorSet.of(lines, keys.verifyingKey());
        assertEquals(List.of(first, second), all.valid());
        assertEquals(List.of(new AnchorSet.Rejected(4, 12, true), new AnchorSet.Rejected(5, 0, false)),
                all.rejected());
        assertEquals(4, all.size());
    }

    @Test
    void anotherKeysAnchorsAreNotGenuine() {
        List<String> lines = List.of(anchor(3).json());
        assertNull(AnchorSet.lastOf(lines, TestKeys.random().verifyingKey()));
        assertEquals(1, AnchorSet.of(lines, TestKeys.random().verifyingKey()).rejected().size());
    }

    private Anchor anchor(long sequence) {
        return Anchor.sign(sequence, "ab".repeat(32), 0, Instant.parse("2026-03-01T09:00:00Z"), "node-a",
                keys.signingKey());
    }
}
