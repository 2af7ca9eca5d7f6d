package org.attesta.security.internal;

import org.attesta.api.security.PersonalDataProtection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Personal data sealed with AES-256-GCM and fingerprinted with HMAC-SHA256, keys from the {@link KeyRing}. */
@Component(service = PersonalDataProtection.class)
public class PersonalDataCipher implements PersonalDataProtection {

    private final Sealer sealer;

    @Activate
    public PersonalDataCipher(@Reference KeyRing keys) {
        this.sealer = keys.sealer("personal-data");
    }

    @Override
    public String seal(String value) {
        return value == null ? null : sealer.seal(value);
    }

    @Override
    public String open(String sealed) {
        return sealed == null ? null : sealer.open(sealed);
    }

    @Override
    public String fingerprint(String normalisedValue) {
        return sealer.fingerprint(normalisedValue);
    }
}
