package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EntryDraftTest {

    @Test
    void keepsValuesThatFit() {
        assertEquals("ivanov", EntryDraft.fit("ivanov", 100));
        assertNull(EntryDraft.fit(null, 100));
    }

    @Test
    void cutsToTheColumnAndMarksTheCut() {
        String cut = EntryDraft.fit("x".repeat(500), 100);
        assertEquals(100, cut.length());
        assertEquals("x".repeat(99) + "…", cut);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String cut = EntryDraft.fit("x".repeat(8) + "😀" + "y".repeat(10), 10);
        assertEquals("x".repeat(8) + "…", cut);
    }

    @Test
    void replacesControlCharacters() {
        assertEquals("admin\uFFFDfake line\uFFFD", EntryDraft.fit("admin\nfake line\u0000", 100));
    }
}
