package org.attesta.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.attesta.api.audit.ChainVerification;
import org.junit.jupiter.api.Test;

class VerifyAuditTest {
    @Test
    void namesTheEntryAndTimeOfTheLastAnchor() {
        assertEquals("Якорей проверено: 3; последний подтверждает запись № 42 на 01.03.2026 09:10:00 UTC.",
                VerifyAudit.anchors(new ChainVerification(42, 0, null, 3, 42, Instant.parse("2026-03-01T09:10:00Z"))));
    }

    @Test
    void saysWhenThereIsNoAnchorOrNoGenuineOne() {
        assertEquals("Якорей нет: конец журнала сверен только с заголовком в базе данных.",
                VerifyAudit.anchors(new ChainVerification(5, 0, null)));
        assertEquals("Якорей проверено: 1, ни один не прошёл проверку подписи.",
                VerifyAudit.anchors(new ChainVerification(5, 5, "…", 1, 0, null)));
    }
}
