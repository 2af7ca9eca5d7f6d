package org.attesta.registry.internal.imports;

/**
 * An open-addressing set of 64-bit hashes with the line each was first seen on, for finding
 * duplicates in an import of a million rows without a million strings on the heap
 * (about 32 bytes a row instead of about 110).
 */
final class LongHashSet {
    private static final long EMPTY = 0;
    private long[] keys = new long[1 << 12];
    private long[] lines = new long[1 << 12];
    private int size;

    /**
     * Adds a hash.
     *
     * @return -1 when it is new, otherwise the line it was first added with
     */
    long addIfAbsent(long hash, long line) {
        long key = hash == EMPTY ? 1 : hash;
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                keys[i] = key;
                lines[i] = line;
                size++;
                return -1;
            }
            if (keys[i] == key) {
                return lines[i];
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                addIfAbsent(oldKeys[i], oldLines[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** A 64-bit FNV-1a hash of a key; collisions among a million keys are about one in 10^7. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
