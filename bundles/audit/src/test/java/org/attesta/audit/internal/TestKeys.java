package org.attesta.audit.internal;

import java.security.SecureRandom;

/** Fresh audit keys for one test, held in memory: the tests of key files are in AuditKeysTest. */
final class TestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static AuditKeys random() {
        byte[] secret = new byte[ChainKey.BYTES];
        RANDOM.nextBytes(secret);
        return new AuditKeys(new ChainKey(secret), AuditKeys.newAnchorKeys(RANDOM));
    }
}
