package org.attesta.registry.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongHashSetTest {

    @Test
    void newHashIsAddedAndReportedAsNew() {
        LongHashSet set = new LongHashSet();

        assertEquals(-1, set.addIfAbsent(42, 2));
    }

    @Test
    void duplicateReportsTheLineItWasFirstAddedWith() {
        LongHashSet set = new LongHashSet();
        set.addIfAbsent(42, 2);

        assertEquals(2, set.addIfAbsent(42, 9));
        assertEquals(2, set.addIfAbsent(42, 15));
    }

    @Test
    void distinctHashesDoNotClash() {
        LongHashSet set = new LongHashSet();

        assertEquals(-1, set.addIfAbsent(42, 2));
        assertEquals(-1, set.addIfAbsent(43, 3));
        assertEquals(-1, set.addIfAbsent(-42, 4));
        assertEquals(3, set.addIfAbsent(43, 5));
    }

    @Test
    void hashZeroIsStoredLikeAnyOther() {
        LongHashSet set = new LongHashSet();

        assertEquals(-1, set.addIfAbsent(0, 7));
        assertEquals(7, set.addIfAbsent(0, 8));
    }

    @Test
    void extremeHashesAreStored() {
        LongHashSet set = new LongHashSet();

        assertEquals(-1, set.addIfAbsent(Long.MIN_VALUE, 2));
        assertEquals(-1, set.addIfAbsent(Long.MAX_VALUE, 3));
        assertEquals(2, set.addIfAbsent(Long.MIN_VALUE, 4));
        assertEquals(3, set.addIfAbsent(Long.MAX_VALUE, 5));
    }

    @Test
    void growingKeepsEveryHashAndItsLine() {
        LongHashSet set = new LongHashSet();
        int count = 200_000;
        for (int i = 0; i < count; i++) {
            assertEquals(-1, set.addIfAbsent(LongHashSet.hash("1|4508|" + i), i + 2), "hash of row " + i);
        }
        for (int i = 0; i < count; i++) {
            assertEquals(i + 2, set.addIfAbsent(LongHashSet.hash("1|4508|" + i), 1_000_000), "hash of row " + i);
        }
    }

    @Test
    void growingKeepsSequentialAndRandomHashes() {
        LongHashSet set = new LongHashSet();
        SplittableRandom random = new SplittableRandom(20260523);
        long[] hashes = new long[150_000];
        for (int i = 0; i < hashes.length; i++) {
            // Sequential keys (which probe badly without mixing) alternate with random ones.
            hashes[i] = i % 2 == 0 ? i : random.nextLong();
            set.addIfAbsent(hashes[i], i + 1);
        }
        for (int i = 0; i < hashes.length; i++) {
            assertEquals(i + 1, set.addIfAbsent(hashes[i], -1), "hash " + hashes[i]);
        }
    }

    @Test
    void aKeyFirstSeenOnLineZeroIsStillADuplicate() {
        LongHashSet set = new LongHashSet();
        assertEquals(-1, set.addIfAbsent(42, 0));
        assertEquals(0, set.addIfAbsent(42, 5));
    }

    @Test
    void fnvHashOfKnownInputs() {
        // FNV-1a 64 of the empty string is its offset basis; of "a" the published test vector.
        assertEquals(0xcbf29ce484222325L, LongHashSet.hash(""));
        assertEquals(0xaf63dc4c8601ec8cL, LongHashSet.hash("a"));
    }

    @Test
    void hashTellsCloseKeysApart() {
        assertNotEquals(LongHashSet.hash("1|12|3456"), LongHashSet.hash("1|123|456"));
        assertNotEquals(LongHashSet.hash("11223344595"), LongHashSet.hash("11223344596"));
    }
}
