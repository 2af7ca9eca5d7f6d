package org.attesta.security.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Holds the master key read from the key file, and hands out sealers for one purpose each
 * (personal data, handed-over credentials). Registered only inside this bundle.
 */
@Component(service = KeyRing.class, configurationPid = "org.attesta.security.keys")
@Designate(ocd = KeyRing.Config.class)
public class KeyRing {

    @ObjectClassDefinition(name = "Attesta data key",
            description = "The key that encrypts personal data and pending credentials; kept outside the database")
    public @interface Config {
        @AttributeDefinition(description = "Key file; a relative path is under the Karaf etc directory. Created on "
                + "first start. Every node needs the same file; back it up apart from the database.")
        String key_file() default "keys/attesta-data.key";
    }

    private final SecretKeys keys;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public KeyRing(Config config) throws IOException {
        this.keys = SecretKeys.loadOrCreate(resolve(config.key_file()), random);
    }

    KeyRing(SecretKeys keys) {
        this.keys = keys;
    }

    Sealer sealer(String purpose) {
        return new Sealer(keys, purpose, random);
    }

    SecureRandom random() {
        return random;
    }

    private static Path resolve(String file) {
        Path path = Path.of(file);
        String etc = System.getProperty("karaf.etc");
        return path.isAbsolute() || etc == null ? path : Path.of(etc).resolve(path);
    }
}
