package org.attesta.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Encryption of personal data at rest (document numbers, СНИЛС) with a key kept outside the
 * database, and keyed hashes that let the registry find duplicates without the clear text.
 */
@ProviderType
public interface PersonalDataProtection {

    /** The value encrypted for storage; the same value encrypts differently each time. */
    String seal(String value);

    /** The stored value decrypted. */
    String open(String sealed);

    /** A keyed hash of a normalised value: equal values give equal fingerprints, nothing else can be read from it. */
    String fingerprint(String normalisedValue);
}
