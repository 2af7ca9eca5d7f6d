package org.attesta.registry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.attesta.api.security.PersonalDataProtection;

/**
 * Sealing for registry tests: reversible and recognisable, not secret (the real AES-GCM and
 * HMAC are tested in the security bundle). Fingerprints are SHA-256 with a fixed prefix, so
 * they are deterministic and as long as the real ones.
 */
public final class TestSealing implements PersonalDataProtection {
    public static final String PREFIX = "test-sealed:";

    public static SealedPersonalData sealed() {
        return new SealedPersonalData(new TestSealing());
    }

    @Override
    public String seal(String value) {
        return PREFIX + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String open(String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not sealed: " + sealed);
        }
        return new String(Base64.getDecoder().decode(sealed.substring(PREFIX.length())), StandardCharsets.UTF_8);
    }

    @Override
    public String fingerprint(String normalisedValue) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("test-key|" + normalisedValue)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
