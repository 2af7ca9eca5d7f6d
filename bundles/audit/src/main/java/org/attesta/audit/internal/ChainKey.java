package org.attesta.audit.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the audit chain. It lives outside the database, so someone who can
 * write the database can change an entry but cannot give it a hash that verifies.
 */
final class ChainKey {
    static final int BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    ChainKey(byte[] secret) {
        if (secret.length != BYTES) {
            throw new IllegalArgumentException("the audit chain key needs " + BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** A Mac for one thread: Mac objects are not thread-safe, and this one is cheap to make. */
    Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("The audit chain key is not usable", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
