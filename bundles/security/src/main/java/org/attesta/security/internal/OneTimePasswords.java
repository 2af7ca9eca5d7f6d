package org.attesta.security.internal;

import java.security.SecureRandom;

/**
 * One-time passwords for handing over: 15 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), in three groups of five, about 87 bits of randomness. They are random
 * enough to be checked by a keyed hash rather than a slow one, which keeps issuing a
 * thousand accounts at once fast.
 */
final class OneTimePasswords {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int GROUPS = 3;
    private static final int GROUP_LENGTH = 5;

    private final SecureRandom random;

    OneTimePasswords(SecureRandom random) {
        this.random = random;
    }

    String next() {
        StringBuilder password = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
        }
        return password.toString();
    }
}
